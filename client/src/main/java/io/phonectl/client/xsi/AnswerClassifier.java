package io.phonectl.client.xsi;

import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.ErrorResponse;
import io.phonectl.xsi.component.MediaStreamReply;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.XsiDocument;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a phone's answer to a POST on /CGI/Execute into a {@link PushOutcome}. Pure: no I/O.
 * The XML is read by the xsi codec in lenient mode from the bytes (so the declared encoding wins over a wrong
 * header charset, as on the 7940); both CiscoIPPhoneError spellings and a 401 carrying XML are accepted
 * (reference notes §2.2, §2.3). Never throws.
 *
 * <p>The phones of a fleet answer one push with the same bytes, so an answer already read is not read again: up to
 * {@link #REMEMBERED} small answers are kept with their (immutable) outcome, keyed by status, Content-Type and body.
 */
final class AnswerClassifier {

    private static final int SNIFF = 512;
    /** Answers remembered at once; when full, forgotten all together (a fleet's answers are few and alike). */
    static final int REMEMBERED = 256;
    /** Larger answers (pages, screenshots) are read every time. */
    static final int REMEMBERED_BODY = 2048;

    private record Key(int status, String contentType, byte[] body, int hash) {
        Key(int status, String contentType, byte[] body) {
            this(status, contentType, body, (31 * status + (contentType == null ? 0 : contentType.hashCode())) * 31
                    + Arrays.hashCode(body));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.status == status
                    && java.util.Objects.equals(k.contentType, contentType) && Arrays.equals(k.body, body);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final Map<Key, PushOutcome> READ = new ConcurrentHashMap<>();

    private AnswerClassifier() {
    }

    static PushOutcome classify(int status, String contentType, byte[] body) {
        if (body.length > REMEMBERED_BODY) {
            return read(status, contentType, body);
        }
        Key key = new Key(status, contentType, body);
        PushOutcome known = READ.get(key);
        if (known != null) {
            return known;
        }
        PushOutcome outcome = read(status, contentType, body);
        if (!(outcome instanceof PushOutcome.Internal)) {
            if (READ.size() >= REMEMBERED) {
                READ.clear();
            }
            READ.put(key, outcome);
        }
        return outcome;
    }

    /** Reads a canned answer without remembering it: initialises the XML reader before the first real answer. */
    static void warm() {
        read(200, "text/xml", ("<CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" Data=\"Success\" Status=\"0\"/>"
                + "</CiscoIPPhoneResponse>").getBytes(StandardCharsets.US_ASCII));
    }

    private static PushOutcome read(int status, String contentType, byte[] body) {
        String head = sniff(body);
        if (head.isEmpty()) {
            if (status == 200 || status == 303) {
                return new PushOutcome.AcceptedNoResponse(status);
            }
            if (status == 401) {
                return new PushOutcome.AuthPage(status, "401 without a body");
            }
            return new PushOutcome.Malformed(status, contentType, "empty answer");
        }
        boolean html = htmlHead(head)
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("text/html"));
        if (html) {
            String all = new String(body, StandardCharsets.ISO_8859_1);
            if (status == 401 || all.contains("Protected Object")) {
                return new PushOutcome.AuthPage(status, all.contains("Protected Object")
                        ? "HTML \"Protected Object\" page (RomPager)" : "HTML page");
            }
            return new PushOutcome.Malformed(status, contentType, "HTML page instead of XML");
        }
        if (!head.startsWith("<")) {
            return status == 401
                    ? new PushOutcome.AuthPage(status, "401 with a non-XML body")
                    : new PushOutcome.Malformed(status, contentType, "not XML: starts with \"" + shorten(head) + "\"");
        }
        XsiDocument doc;
        try {
            doc = XsiCodec.decode(body, XsiCodec.Mode.LENIENT);
        } catch (XsiException e) {
            return status == 401
                    ? new PushOutcome.AuthPage(status, "401 with unreadable XML")
                    : new PushOutcome.Malformed(status, contentType, "unreadable XML: " + e.getMessage());
        } catch (RuntimeException e) {
            // the reader's contract is typed errors only: this is our fault, not the phone's, yet it gets an outcome
            return new PushOutcome.Internal("reading the answer failed: " + e);
        }
        return classify(status, contentType, doc);
    }

    /** The outcome of a decoded answer document. */
    static PushOutcome classify(int status, String contentType, XsiDocument doc) {
        return switch (doc) {
            case Response r -> new PushOutcome.Executed(status, r.items());
            case PhoneError e -> new PushOutcome.PhoneError(status, e.number(), e.text());
            case MediaStreamReply m -> new PushOutcome.MediaStarted(m.id());
            case ErrorResponse e -> new PushOutcome.MediaError(status, e.type(), e.data());
            default -> status == 401
                    ? new PushOutcome.AuthPage(status, "401 with unexpected XML root " + doc.rootElement())
                    : new PushOutcome.Malformed(status, contentType, "unexpected XML root element " + doc.rootElement());
        };
    }

    /** Whether the body is an HTML page (judged by its first bytes, not the header: 79xx label XML as text/html). */
    static boolean htmlBody(byte[] body) {
        return htmlHead(sniff(body));
    }

    private static boolean htmlHead(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("<html") || lower.contains("<!doctype html");
    }

    private static String sniff(byte[] body) {
        int n = Math.min(body.length, SNIFF);
        String s = new String(body, 0, n, StandardCharsets.ISO_8859_1).strip();
        if (s.startsWith("\uFEFF") || s.startsWith("ï»¿")) {
            s = s.substring(s.startsWith("\uFEFF") ? 1 : 3).strip();
        }
        return s;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
