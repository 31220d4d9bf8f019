package io.phonectl.sim.screen;

import io.phonectl.sim.image.Picture;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimModel;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a phone's screen at its model's resolution and colour depth: title bar, text or menu items (with their icons)
 * and the selection, the screen's picture (CIP bitmap or PNG), the prompt line, softkey labels, the status overlay;
 * black when the display is off. Colour pictures on a greyscale model come out in its greys, as the depth conversion
 * maps every colour to the nearest level. Encodes PNG,
 * or BMP for 79xx profiles (reference notes §2.6). Stateless and thread-safe.
 */
public final class ScreenRenderer {

    static {
        // The simulator runs on servers and in CI: never try to open a display.
        System.setProperty("java.awt.headless", "true");
        // encode in memory: ImageIO's default caches every image it writes in a temporary file
        ImageIO.setUseCache(false);
    }

    private ScreenRenderer() {
    }

    /**
     * What to draw: the top screen, the status overlay (or null), whether the display is lit, and the background the
     * idle screen shows ({@code setBackground}; null for the plain one).
     */
    public record Frame(Screen screen, String statusOverlay, boolean displayOn, Picture background) {
        public Frame(Screen screen, String statusOverlay, boolean displayOn) {
            this(screen, statusOverlay, displayOn, null);
        }
    }

    public static byte[] encode(SimModel model, Frame frame) {
        BufferedImage rgb = draw(model, frame);
        BufferedImage out = toDepth(rgb, model);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try {
            if (written(out, model, bytes)) {
                return bytes.toByteArray();
            }
            // a writer that cannot take this pixel layout (BMP has no 2-bit form): plain RGB at the same size
            bytes.reset();
            ImageIO.write(rgb, model.screenshotFormat().imageIoName(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean written(BufferedImage img, SimModel model, ByteArrayOutputStream bytes) {
        try {
            return ImageIO.write(img, model.screenshotFormat().imageIoName(), bytes);
        } catch (IOException | RuntimeException e) {
            return false; // javax.imageio refuses some layouts by throwing rather than by answering false
        }
    }

    static BufferedImage draw(SimModel model, Frame frame) {
        int w = model.width();
        int h = model.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, h);
            if (!frame.displayOn()) {
                return img;
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            int fontSize = Math.max(8, Math.min(18, h / 10));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
            FontMetrics fm = g.getFontMetrics();
            int lineH = fm.getHeight();
            Color bg = model.colour() ? new Color(235, 240, 245) : new Color(210, 210, 210);
            Color accent = model.colour() ? new Color(30, 90, 160) : new Color(60, 60, 60);
            g.setColor(bg);
            g.fillRect(0, 0, w, h);
            Screen s = frame.screen();
            if (s.kind() == Screen.Kind.IDLE && frame.background() != null) {
                frame.background().drawScaled(g, 0, 0, w, h); // the wallpaper fills the screen behind the idle lines
            }
            // title bar
            g.setColor(accent);
            g.fillRect(0, 0, w, lineH + 4);
            g.setColor(Color.WHITE);
            g.drawString(clip(fm, s.title(), w - 8), 4, fm.getAscent() + 2);
            int softTop = h - lineH - 4;
            int promptTop = softTop - lineH;
            int y = lineH + 6;
            g.setColor(Color.BLACK);
            for (String line : wrap(fm, s.text(), w - 8)) {
                if (y + lineH > promptTop) {
                    break;
                }
                g.drawString(line, 4, y + fm.getAscent());
                y += lineH;
            }
            // a graphic menu's picture is the menu: its items are chosen by number, not listed
            for (int i = 0; s.graphic() == null && i < s.items().size() && y + lineH <= promptTop; i++) {
                Screen.Item item = s.items().get(i);
                if (i == s.selected()) {
                    g.setColor(accent);
                    g.fillRect(0, y, w, lineH);
                    g.setColor(Color.WHITE);
                } else {
                    g.setColor(Color.BLACK);
                }
                int x = 4;
                if (item.icon() != null) {
                    item.icon().draw(g, x, y + Math.max(0, (lineH - item.icon().height()) / 2));
                    x += item.icon().width() + 3;
                }
                g.drawString(clip(fm, (i + 1) + " " + item.name(), w - x - 4), x, y + fm.getAscent());
                y += lineH;
            }
            if (s.graphic() != null) {
                drawGraphic(g, s.graphic(), w, h);
            }
            if (!s.prompt().isEmpty()) {
                g.setColor(Color.DARK_GRAY);
                g.drawString(clip(fm, s.prompt(), w - 8), 4, promptTop + fm.getAscent());
            }
            drawSoftKeys(g, fm, s, Math.max(1, model.catalog().softKeyButtons()), w, softTop, lineH + 4, accent);
            if (frame.statusOverlay() != null) {
                int boxH = lineH * 2;
                int top = (h - boxH) / 2;
                g.setColor(Color.WHITE);
                g.fillRect(w / 8, top, w * 3 / 4, boxH);
                g.setColor(accent);
                g.drawRect(w / 8, top, w * 3 / 4, boxH);
                g.setColor(Color.BLACK);
                g.drawString(clip(fm, frame.statusOverlay(), w * 3 / 4 - 8), w / 8 + 4, top + lineH / 2 + fm.getAscent());
            }
            return img;
        } finally {
            g.dispose();
        }
    }

    /**
     * A picture at LocationX/LocationY from the display's top-left corner (it may cover the title, as on phones), or
     * centred for -1/-1; what falls outside the display is cut off.
     */
    private static void drawGraphic(Graphics2D g, Screen.Graphic graphic, int w, int h) {
        int pw = graphic.picture().width();
        int ph = graphic.picture().height();
        int x = graphic.centred() ? (w - pw) / 2 : graphic.x();
        int y = graphic.centred() ? (h - ph) / 2 : graphic.y();
        graphic.picture().draw(g, x, y);
    }

    /** One page of softkeys: as many slots as the model has softkey buttons (catalog). */
    private static void drawSoftKeys(Graphics2D g, FontMetrics fm, Screen s, int slots, int w, int top, int height,
                                     Color accent) {
        g.setColor(accent);
        g.fillRect(0, top, w, height);
        List<Screen.SoftKey> keys = s.softKeys();
        int slotW = w / slots;
        g.setColor(Color.WHITE);
        for (Screen.SoftKey k : keys) {
            if (k.position() >= 1 && k.position() <= slots) {
                int x = (k.position() - 1) * slotW;
                g.drawString(clip(fm, k.name(), slotW - 6), x + 3, top + fm.getAscent() + 2);
            }
        }
    }

    /** Converts to the model's depth: indexed greys for 1–4 bit, 8-bit grey, 16-bit 565, else 24-bit RGB. */
    static BufferedImage toDepth(BufferedImage rgb, SimModel model) {
        BufferedImage out;
        if (!model.colour() && model.depth() <= 4) {
            int levels = 1 << model.depth();
            // BMP has 1-, 4- and 8-bit palettes but no 2-bit one: a 2-bit display is written as 4 bits, its 4 greys
            // first in a full 16-entry palette (the BMP writer writes 2^bits entries)
            int bits = model.depth() == 2 && model.screenshotFormat() == SimModel.ScreenshotFormat.BMP ? 4 : model.depth();
            byte[] grey = new byte[1 << bits];
            for (int i = 0; i < levels; i++) {
                grey[i] = (byte) (i * 255 / (levels - 1));
            }
            IndexColorModel cm = new IndexColorModel(bits, grey.length, grey, grey, grey);
            out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_BINARY, cm);
        } else if (!model.colour()) {
            out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        } else if (model.depth() <= 16) {
            out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_USHORT_565_RGB);
        } else {
            return rgb;
        }
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(rgb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String clip(FontMetrics fm, String s, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        int n = s.length();
        while (n > 0 && fm.stringWidth(s.substring(0, n) + "…") > width) {
            n--;
        }
        return s.substring(0, n) + "…";
    }

    private static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\r\n|\r|\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                if (!line.isEmpty() && fm.stringWidth(line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
            if (lines.size() > 100) {
                break;
            }
        }
        return lines;
    }
}
