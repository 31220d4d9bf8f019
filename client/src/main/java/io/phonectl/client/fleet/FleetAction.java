package io.phonectl.client.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fleet push sends to every selected phone: an encoded XSI document, with the facts the pre-flight
 * check needs (its root element and, for an Execute, the URIs it carries).
 *
 * @param label       how results and progress name it, e.g. the action id
 * @param xml         the document as pushed in the {@code XML=} field
 * @param rootElement e.g. CiscoIPPhoneExecute, CiscoIPPhoneText, startMedia
 * @param uris        the ExecuteItem URLs (empty for other documents)
 */
public record FleetAction(String label, String xml, String rootElement, List<String> uris) {

    private static final Pattern ROOT = Pattern.compile("<\\s*([A-Za-z][\\w.-]*)");
    private static final Pattern URL = Pattern.compile("<ExecuteItem\\b[^>]*\\bURL\\s*=\\s*\"([^\"]*)\"");

    public FleetAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(rootElement, "rootElement");
        uris = List.copyOf(uris);
    }

    /**
     * Describes an encoded document by looking at it (root element after any declaration; ExecuteItem URLs
     * with the five XML entities decoded). For documents built with the xsi object model, prefer the
     * constructor with the values the model already knows.
     */
    public static FleetAction ofXml(String label, String xml) {
        String body = xml.replaceAll("(?s)<\\?.*?\\?>", "").replaceAll("(?s)<!--.*?-->", "");
        Matcher m = ROOT.matcher(body);
        String root = m.find() ? m.group(1) : "";
        List<String> uris = new ArrayList<>();
        if (root.equals("CiscoIPPhoneExecute")) {
            Matcher u = URL.matcher(body);
            while (u.find()) {
                uris.add(u.group(1).replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&amp;", "&"));
            }
        }
        return new FleetAction(label, xml, root, uris);
    }
}
