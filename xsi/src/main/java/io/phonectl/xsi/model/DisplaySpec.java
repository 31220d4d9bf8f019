package io.phonectl.xsi.model;

/** The services-area display: what the phone announces in {@code x-CiscoIPPhoneDisplay}. */
public record DisplaySpec(int width, int height, int depth, boolean color) {

    public DisplaySpec {
        if (width <= 0 || height <= 0 || depth <= 0 || depth > 32) {
            throw new IllegalArgumentException("display must have positive size and a depth of 1-32 bits: "
                    + width + "x" + height + "x" + depth);
        }
    }

    /** "298, 168, 12, C": the value of the x-CiscoIPPhoneDisplay request header. */
    public String header() {
        return width + ", " + height + ", " + depth + ", " + (color ? "C" : "G");
    }

    /** Parses "298x168x12C" (models.txt form). */
    static DisplaySpec parse(String text) {
        String t = text.trim();
        char kind = t.isEmpty() ? '?' : t.charAt(t.length() - 1);
        String[] p = t.substring(0, Math.max(0, t.length() - 1)).split("x");
        if ((kind != 'C' && kind != 'G') || p.length != 3) {
            throw new IllegalArgumentException("display must look like 298x168x12C or 133x65x2G: " + text);
        }
        return new DisplaySpec(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), kind == 'C');
    }
}
