package io.phonectl.xsi.model;

/**
 * The background images a model takes through {@code setBackground}: the full-size PNG and its thumbnail (the preview
 * in the phone's wallpaper list), as usecallmanager.nz "Background Images" lists them per model (8841–8865: 800 x 480
 * with a 139 x 109 preview; 8821: 240 x 320 with 117 x 117; reference notes §2.9). models.txt form:
 * {@code wallpaper=800x480/139x109}.
 */
public record Wallpaper(int width, int height, int thumbnailWidth, int thumbnailHeight) {

    public Wallpaper {
        if (width <= 0 || height <= 0 || thumbnailWidth <= 0 || thumbnailHeight <= 0) {
            throw new IllegalArgumentException("wallpaper sizes must be positive: " + width + "x" + height + "/"
                    + thumbnailWidth + "x" + thumbnailHeight);
        }
    }

    /** Parses "800x480/139x109"; null for null. */
    static Wallpaper parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("/");
        String[] full = parts[0].split("x");
        String[] thumb = parts.length == 2 ? parts[1].split("x") : new String[0];
        if (parts.length != 2 || full.length != 2 || thumb.length != 2) {
            throw new IllegalArgumentException("wallpaper must look like 800x480/139x109: " + text);
        }
        try {
            return new Wallpaper(Integer.parseInt(full[0]), Integer.parseInt(full[1]), Integer.parseInt(thumb[0]),
                    Integer.parseInt(thumb[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("wallpaper must look like 800x480/139x109: " + text, e);
        }
    }
}
