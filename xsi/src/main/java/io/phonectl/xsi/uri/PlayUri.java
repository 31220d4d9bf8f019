package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/** {@code Play:<file>} plays a raw µ-law ring file from the TFTP path; {@code Play:Stop} ends playback. */
public record PlayUri(String file) implements InternalUri {

    public static final String STOP = "Stop";

    public PlayUri {
        UriRules.text("Play file", file, ":", Sources.CONTROL_SPEC);
        if (file.length() > 255) {
            throw UriRules.fail("Play file", file, "must be at most 255 characters (assumption: TFTP file name)",
                    Sources.CONTROL_SPEC);
        }
    }

    public static PlayUri stop() {
        return new PlayUri(STOP);
    }

    public boolean isStop() {
        return STOP.equals(file);
    }

    @Override
    public String family() {
        return "Play";
    }

    @Override
    public String format() {
        return "Play:" + file;
    }

    @Override
    public String feature() {
        return isStop() ? "Play:Stop" : "Play";
    }
}
