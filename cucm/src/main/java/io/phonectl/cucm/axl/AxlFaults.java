package io.phonectl.cucm.axl;

import io.phonectl.cucm.soap.SoapFault;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The AXL faults discovery must recognise, written and read in one place (AXL developer guide). */
public final class AxlFaults {

    /** Replies larger than this are refused with {@link #tooLarge} ("Data Throttling and Performance"). */
    public static final int MAX_REPLY_BYTES = 8 * 1024 * 1024;
    /** axlcode of "The queueId value does not match the server" (listChange, "Error Conditions"). */
    public static final int QUEUE_ID_MISMATCH = 5007;

    // the guide writes both "Suggestive Row Fetch" and "Suggested row fetch"
    private static final Pattern TOO_LARGE = Pattern.compile(
            "(?is)query request too large.*?total rows matched:\\s*(\\d+).*?suggest\\w*\\s+row\\s+fetch:\\s*less\\s+than\\s*(\\d+)");

    private AxlFaults() {
    }

    /** The throttle fault for a reply over 8 MB, worded as CUCM words it. */
    public static SoapFault tooLarge(long totalRows, long suggestedRows, String request) {
        return SoapFault.axl("Query request too large. Total rows matched: " + totalRows
                + " rows. Suggestive Row Fetch: less than " + suggestedRows + " rows", -1, request);
    }

    /** The listChange fault when the queue the client knows is gone (service restart). */
    public static SoapFault queueIdMismatch() {
        return SoapFault.axl("The queueId value does not match the server. This indicates that it is either incorrect "
                + "or the server restarted and a full sync is needed.", QUEUE_ID_MISMATCH, "listChange");
    }

    /** The numbers of a too-large fault, when it is one. */
    public static Optional<TooLarge> tooLarge(SoapFault f) {
        Matcher m = TOO_LARGE.matcher(f.message());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TooLarge(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What a too-large fault says: how many rows matched and how many one reply may carry. */
    public record TooLarge(long totalRows, long suggestedRows) {
    }
}
