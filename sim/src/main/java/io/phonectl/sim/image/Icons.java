package io.phonectl.sim.image;

import java.util.List;

/**
 * Icons a phone draws itself: the built-in {@code Resource:} icons of IconFileMenu and the "unknown icon" shown in
 * place of an icon that cannot be had (IconFileMenu troubleshooting, Application Development Notes: "If the Resource
 * URI does not specify a recognized Icon resource, then a default unknown-icon image is displayed"; we show it for an
 * icon file that fails too). The phones' artwork is not public: each built-in icon is a distinct generated glyph of
 * the IconFileMenu size, 18 x 18, and the unknown icon a question-mark box.
 */
public final class Icons {

    public static final int SIZE = 18;
    public static final Picture UNKNOWN = unknown();

    private Icons() {
    }

    /** The glyph of a built-in icon ({@code Icon.Connected}…); its position in {@code names} gives its colour. */
    public static Picture resource(String name, List<String> names) {
        int i = names.indexOf(name);
        if (i < 0) {
            return UNKNOWN;
        }
        int hue = 0xFF00_0000 | java.awt.Color.HSBtoRGB(i / (float) names.size(), 0.7f, 0.8f);
        int[] argb = new int[SIZE * SIZE];
        double c = (SIZE - 1) / 2.0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Math.hypot(x - c, y - c);
                argb[y * SIZE + x] = d <= c ? hue : 0;
            }
        }
        return Picture.of(SIZE, SIZE, argb);
    }

    private static Picture unknown() {
        int[] argb = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean border = x == 0 || y == 0 || x == SIZE - 1 || y == SIZE - 1;
                // a "?" in a 5 x 9 cell at the centre
                boolean mark = (y == 4 && x >= 7 && x <= 10) || (x == 11 && y >= 5 && y <= 7) || (y == 8 && x >= 9 && x <= 10)
                        || (x == 9 && y == 9) || (x == 9 && y == 12);
                argb[y * SIZE + x] = border || mark ? 0xFF00_0000 : 0xFFFF_FFFF;
            }
        }
        return Picture.of(SIZE, SIZE, argb);
    }
}
