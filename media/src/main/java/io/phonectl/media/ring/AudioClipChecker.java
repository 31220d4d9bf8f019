package io.phonectl.media.ring;

import io.phonectl.media.g711.G711;
import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules for an {@code audio/basic} answer to a phone's fetch, which the phone plays as a clip: raw µ-law at 8 kHz, the
 * ring-file format without its length rules, at most 5 seconds (control spec, content types: "audio/basic # for audio
 * clip responses, max 5 seconds"; reference notes §2.4: "audio/basic plays a raw ring-format clip (≤5 s)"). A file
 * with a WAV or Sun/NeXT {@code .snd} header is not raw µ-law: the phone would play its header as noise, so it is
 * refused, as is an empty answer.
 */
public final class AudioClipChecker {

    public static final int MAX_SECONDS = 5;
    public static final int MAX_SAMPLES = MAX_SECONDS * G711.SAMPLE_RATE;

    private AudioClipChecker() {
    }

    /** Every rule the clip breaks; empty when the phone plays it. */
    public static List<Violation> check(byte[] clip) {
        List<Violation> v = new ArrayList<>();
        int n = clip.length;
        if (n == 0) {
            v.add(Violation.of("samples", 0, "at least one µ-law sample", Sources.CONTROL_SPEC));
        }
        if (n > MAX_SAMPLES) {
            v.add(Violation.of("samples", RingFileChecker.describe(n), "at most " + MAX_SAMPLES + " samples (" + MAX_SECONDS
                    + " s at 8 kHz)", Sources.CONTROL_SPEC));
        }
        if (startsWith(clip, "RIFF")) {
            v.add(Violation.of("header", "RIFF", "raw µ-law without a header; this is a WAV file", Sources.CONTROL_SPEC));
        } else if (startsWith(clip, ".snd")) {
            v.add(Violation.of("header", ".snd", "raw µ-law without a header; this is a Sun/NeXT audio file",
                    Sources.CONTROL_SPEC));
        }
        return List.copyOf(v);
    }

    /** Whether the clip is over the length limit (the phone's "Data too large!" rather than a malformed clip). */
    public static boolean tooLong(byte[] clip) {
        return clip.length > MAX_SAMPLES;
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
