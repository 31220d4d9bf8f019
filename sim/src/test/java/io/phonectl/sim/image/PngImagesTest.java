package io.phonectl.sim.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class PngImagesTest {

    static byte[] png(int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A 60-byte PNG whose header claims width x height pixels (no image data): a decompression bomb's head. */
    static byte[] claims(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return b.array();
    }

    @Test
    void theSizeIsCheckedFromTheHeaderBeforeAnyPixelIsDecoded() {
        PngImages images = new PngImages();
        assertThat(images.read(claims(100_000, 100_000), 800, 480)).isEqualTo(
                new PngImages.Result.Refused(true, "100000x100000 pixels, over the 800x480 limit"));
        assertThat(images.read(claims(801, 480), 800, 480)).isInstanceOf(PngImages.Result.Refused.class);
    }

    @Test
    void notAPngAndABrokenPngAreRefusedAsUnreadable() {
        PngImages images = new PngImages();
        assertThat(images.read("GIF89a".getBytes(StandardCharsets.US_ASCII), 10, 10))
                .isEqualTo(new PngImages.Result.Refused(false, "not a PNG file (no PNG signature)"));
        assertThat(images.read(claims(4, 4), 10, 10)).isInstanceOfSatisfying(PngImages.Result.Refused.class,
                r -> assertThat(r.tooLarge()).isFalse());
        assertThat(images.read(new byte[PngImages.MAX_BYTES + 1], 10, 10)).isInstanceOfSatisfying(PngImages.Result.Refused.class,
                r -> assertThat(r.tooLarge()).isTrue());
    }

    @Test
    void identicalFilesShareOnePictureAndTheCacheStaysWithinItsPixelBudget() throws IOException {
        PngImages images = new PngImages();
        byte[] red = png(20, 10, 0xFF0000);
        Picture first = ((PngImages.Result.Ok) images.read(red, 800, 480)).picture();
        assertThat(((PngImages.Result.Ok) images.read(red.clone(), 800, 480)).picture()).isSameAs(first);
        assertThat(first.argb(3, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
        // 20 distinct full-size backgrounds: more than the budget holds, so the first is decoded anew later
        for (int i = 0; i < 20; i++) {
            images.read(png(800, 480, i), 800, 480);
        }
        assertThat(((PngImages.Result.Ok) images.read(red, 800, 480)).picture()).isNotSameAs(first);
    }
}
