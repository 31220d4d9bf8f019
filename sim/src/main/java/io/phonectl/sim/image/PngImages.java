package io.phonectl.sim.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Decodes the PNGs phones fetch (ImageFile, GraphicFileMenu, IconFileMenu icons, backgrounds and their thumbnails),
 * checking the size before a pixel is decoded: the dimensions are read from the header first, so a small file that
 * claims a huge image costs nothing. Identical files decode to one shared {@link Picture} (the most recently used
 * distinct files are remembered, up to {@value #CACHED} of them and {@value #CACHED_PIXELS} pixels together), so a
 * background pushed to every phone of a fleet is held once. Thread-safe.
 */
public final class PngImages {

    /** The largest PNG a phone reads (a full-screen 24-bit 800 x 480 background fits with room). */
    public static final int MAX_BYTES = 2 << 20;
    static final int CACHED = 64;
    /** 16 full-size 800 x 480 backgrounds: the cache never holds more than about 24 MiB of pixels. */
    static final long CACHED_PIXELS = 16L * 800 * 480;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** What reading gave: a picture, or why not. */
    public sealed interface Result {
        record Ok(Picture picture) implements Result {
        }

        /** {@code tooLarge}: a readable PNG over the size limit; otherwise not a PNG the phone can read. */
        record Refused(boolean tooLarge, String why) implements Result {
        }
    }

    private final LinkedHashMap<String, Picture> cache = new LinkedHashMap<>(16, 0.75f, true); // guarded by itself
    private long cachedPixels; // guarded by cache

    /** Reads {@code png} if it is a PNG of at most maxWidth x maxHeight pixels. */
    public Result read(byte[] png, int maxWidth, int maxHeight) {
        if (png.length > MAX_BYTES) {
            return new Result.Refused(true, png.length + " bytes, over the " + MAX_BYTES + "-byte limit");
        }
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return new Result.Refused(false, "not a PNG file (no PNG signature)");
        }
        String key = sha256(png);
        Picture known;
        synchronized (cache) {
            known = cache.get(key);
        }
        if (known != null) {
            return fits(known.width(), known.height(), maxWidth, maxHeight) ? new Result.Ok(known)
                    : tooLarge(known.width(), known.height(), maxWidth, maxHeight);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            return new Result.Refused(false, "no PNG reader in this Java runtime");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w < 1 || h < 1) {
                return new Result.Refused(false, "an image of " + w + "x" + h + " pixels");
            }
            if (!fits(w, h, maxWidth, maxHeight)) {
                return tooLarge(w, h, maxWidth, maxHeight);
            }
            Picture p = Picture.copyOf(reader.read(0));
            remember(key, p);
            return new Result.Ok(p);
        } catch (IOException | RuntimeException e) {
            return new Result.Refused(false, "unreadable PNG (" + e.getClass().getSimpleName() + ")");
        } finally {
            reader.dispose();
        }
    }

    private void remember(String key, Picture p) {
        synchronized (cache) {
            if (cache.put(key, p) == null) {
                cachedPixels += (long) p.width() * p.height();
            }
            var oldest = cache.entrySet().iterator();
            while ((cache.size() > CACHED || cachedPixels > CACHED_PIXELS) && oldest.hasNext()) {
                Picture gone = oldest.next().getValue();
                if (gone == p) {
                    break; // the picture just read stays, even when it alone is over the budget
                }
                cachedPixels -= (long) gone.width() * gone.height();
                oldest.remove();
            }
        }
    }

    private static boolean fits(int w, int h, int maxWidth, int maxHeight) {
        return w <= maxWidth && h <= maxHeight;
    }

    private static Result tooLarge(int w, int h, int maxWidth, int maxHeight) {
        return new Result.Refused(true, w + "x" + h + " pixels, over the " + maxWidth + "x" + maxHeight + " limit");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
