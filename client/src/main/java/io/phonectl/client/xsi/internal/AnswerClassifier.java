package io.phonectl.client.xsi.internal;

import io.phonectl.client.xsi.ItemResult;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a phone's answer to a POST on /CGI/Execute into a {@link PushOutcome}. Pure: no I/O.
 * Reads the bytes (so the XML declaration's encoding wins over a wrong header charset, as on the 7940),
 * accepts both CiscoIPPhoneError spellings and a 401 carrying XML (reference notes §2.2, §2.3).
 */
public final class AnswerClassifier {

    private static final int SNIFF = 512;

    private AnswerClassifier() {
    }

    public static PushOutcome classify(int status, String contentType, byte[] body) {
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
        String lower = head.toLowerCase(Locale.ROOT);
        boolean html = lower.contains("<html") || lower.contains("<!doctype html")
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
        try {
            return readXml(status, contentType, body);
        } catch (XsiParseException e) {
            return status == 401
                    ? new PushOutcome.AuthPage(status, "401 with unreadable XML")
                    : new PushOutcome.Malformed(status, contentType, "unreadable XML: " + e.getMessage());
        }
    }

    private static PushOutcome readXml(int status, String contentType, byte[] body) {
        XMLStreamReader r = SafeXml.open(body);
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip prolog
            }
            if (!r.isStartElement()) {
                return new PushOutcome.Malformed(status, contentType, "XML without a root element");
            }
            String root = r.getLocalName();
            return switch (root) {
                case "CiscoIPPhoneResponse" -> new PushOutcome.Executed(status, items(r));
                case "CiscoIPPhoneError" -> phoneError(status, contentType, r);
                case "mediaStream" -> {
                    String id = r.getAttributeValue(null, "id");
                    yield id == null || id.isBlank()
                            ? new PushOutcome.Malformed(status, contentType, "mediaStream without an id")
                            : new PushOutcome.MediaStarted(id);
                }
                case "errorResponse" -> errorResponse(status, r);
                default -> status == 401
                        ? new PushOutcome.AuthPage(status, "401 with unexpected XML root " + root)
                        : new PushOutcome.Malformed(status, contentType, "unexpected XML root element " + root);
            };
        } catch (XMLStreamException e) {
            throw SafeXml.parseError(e);
        } finally {
            close(r);
        }
    }

    private static List<ItemResult> items(XMLStreamReader r) throws XMLStreamException {
        List<ItemResult> items = new ArrayList<>();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth > SafeXml.MAX_DEPTH) {
                    throw new XsiParseException("elements nested deeper than " + SafeXml.MAX_DEPTH);
                }
                if (depth == 2 && r.getLocalName().equals("ResponseItem")) {
                    String url = r.getAttributeValue(null, "URL");
                    String data = r.getAttributeValue(null, "Data");
                    items.add(new ItemResult(url == null ? "" : url, number(r.getAttributeValue(null, "Status"), "Status"),
                            data == null ? "" : data));
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        drain(r);
        return items;
    }

    private static PushOutcome phoneError(int status, String contentType, XMLStreamReader r) throws XMLStreamException {
        int number = number(r.getAttributeValue(null, "Number"), "Number");
        String text = r.getElementText();
        drain(r);
        return new PushOutcome.PhoneError(status, number, text);
    }

    private static PushOutcome errorResponse(int status, XMLStreamReader r) throws XMLStreamException {
        String type = null;
        String data = null;
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && r.getLocalName().equals("type")) {
                    type = r.getElementText().strip();
                    depth--;
                } else if (depth == 2 && r.getLocalName().equals("data")) {
                    data = r.getElementText().strip();
                    depth--;
                } else if (depth > SafeXml.MAX_DEPTH) {
                    throw new XsiParseException("elements nested deeper than " + SafeXml.MAX_DEPTH);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        drain(r);
        return new PushOutcome.MediaError(status, type == null ? "(no type)" : type, data);
    }

    /** Reads to the end so that trailing garbage after the root is reported as malformed. */
    private static void drain(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            r.next();
        }
    }

    private static int number(String value, String attribute) {
        if (value == null) {
            throw new XsiParseException("attribute " + attribute + " is missing");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new XsiParseException("attribute " + attribute + "=\"" + shorten(value) + "\" is not a number");
        }
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

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }
}
