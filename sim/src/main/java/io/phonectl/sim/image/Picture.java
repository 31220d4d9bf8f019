package io.phonectl.sim.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Pixels a phone shows: a decoded CIP bitmap or PNG, held as ARGB and never changed after it is made, so one picture
 * can be shared by every phone that shows it (a background pushed to a whole fleet is decoded once, see
 * {@link PictureCache}). Drawing goes through {@link #draw} / {@link #drawScaled}; the pixels never leave this class.
 */
public final class Picture {

    private final BufferedImage image;

    private Picture(BufferedImage image) {
        this.image = image;
    }

    /** A copy of {@code source} as ARGB (the source may be changed afterwards without effect). */
    public static Picture copyOf(BufferedImage source) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return new Picture(copy);
    }

    /** A picture from ARGB pixels, row by row ({@code argb.length == width * height}). */
    public static Picture of(int width, int height, int[] argb) {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("picture of " + width + "x" + height + " needs " + (long) width * height
                    + " pixels, got " + argb.length);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        return new Picture(img);
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The ARGB value of one pixel. */
    public int argb(int x, int y) {
        return image.getRGB(x, y);
    }

    /** Draws at its own size with its top-left corner at (x, y). */
    public void draw(Graphics2D g, int x, int y) {
        g.drawImage(image, x, y, null);
    }

    /** Draws stretched to w x h (a background filling the screen). */
    public void drawScaled(Graphics2D g, int x, int y, int w, int h) {
        Object before = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, x, y, w, h, null);
        if (before != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, before);
        }
    }

    @Override
    public String toString() {
        return "Picture[" + width() + "x" + height() + "]";
    }
}
