package io.phonectl.sim.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the phone shows while a call is set up, rings, is connected or held: the number, the state, a timer, and the
 * softkeys real phones show in that state. Drawn at read time from the call state (so the timer moves with the
 * phone's clock), wherever the call's placeholder ({@link Screen#call()}) is on the stack. Softkey sets follow the
 * Cisco user guides' call screens: 79xx abbreviations (EndCall, Trnsfer, Confrn, NewCall) against the words of
 * later phones (End call, Transfer, Conference, New call); the exact set per firmware is an assumption.
 */
public final class CallScreens {

    private CallScreens() {
    }

    static Screen draw(CallState call, String number, boolean inbound, Instant since, Instant now, String line,
                       boolean legacy) {
        String timer = since == null ? "00:00" : clock(Duration.between(since, now));
        return switch (call) {
            case OFFHOOK -> screen(line, "Enter number", "", legacy ? keys("Redial", "EndCall") : keys("Redial", "End call"));
            case DIALING -> screen(line, number, "", legacy ? keys("Dial", "<<", "EndCall") : keys("Call", "<<", "End call"));
            case RINGING -> screen(line, "From " + number, "Incoming call",
                    legacy ? keys("Answer", "Divert") : keys("Answer", "Decline"));
            case CONNECTED -> screen(line, (inbound ? "From " : "To ") + number + "\n" + timer, "Connected",
                    legacy ? keys("Hold", "EndCall", "Trnsfer", "Confrn") : keys("Hold", "End call", "Transfer", "Conference"));
            case HELD -> screen(line, (inbound ? "From " : "To ") + number + "\n" + timer, "Hold",
                    legacy ? keys("Resume", "NewCall") : keys("Resume", "New call"));
            case IDLE -> Screen.idle(line);
        };
    }

    private static Screen screen(String line, String text, String prompt, List<Screen.SoftKey> keys) {
        return new Screen(Screen.Kind.CALL, line, text, List.of(), 0, keys, prompt, "call");
    }

    /** Softkeys in positions 1…n; each runs the built-in softkey of its name. */
    private static List<Screen.SoftKey> keys(String... names) {
        return java.util.stream.IntStream.range(0, names.length)
                .mapToObj(i -> new Screen.SoftKey(names[i], "SoftKey:" + names[i], i + 1)).toList();
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
