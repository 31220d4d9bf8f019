package io.phonectl.client.fleet;

import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.XsiDocument;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a fleet push sends to every selected phone: the encoded document for the {@code XML=} field, and the
 * typed document the pre-flight check validates (null when the text could not be read; {@code problem} says why).
 */
public record FleetAction(String label, String xml, XsiDocument document, String problem) {

    public FleetAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(xml, "xml");
        if (document == null && problem == null) {
            throw new IllegalArgumentException("a fleet action without a document needs the reason");
        }
    }

    /** A typed document (display object, Execute, startMedia…), encoded as UTF-8. */
    public static FleetAction of(String label, XsiDocument document) {
        return new FleetAction(label, new String(XsiCodec.encode(document, StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                document, null);
    }

    /** What an action id of the catalog builds; only pushes can be broadcast. */
    public static FleetAction of(String label, Outgoing outgoing) {
        return switch (outgoing) {
            case Outgoing.DocumentPush d -> of(label, d.document());
            case Outgoing.UriPush u -> of(label, u.execute());
            case Outgoing.UriReference r -> throw new IllegalArgumentException(label + ": " + r.uri().family()
                    + " URIs are placed inside other objects, not pushed by themselves");
            case Outgoing.HttpGet g -> throw new IllegalArgumentException(label + ": GET " + g.path()
                    + " is a query, not a push");
        };
    }

    /** Encoded text, e.g. a file the user wrote; read leniently so that the pre-flight check can judge it. */
    public static FleetAction ofXml(String label, String xml) {
        try {
            return new FleetAction(label, xml, XsiCodec.decode(xml.getBytes(StandardCharsets.UTF_8), XsiCodec.Mode.LENIENT), null);
        } catch (XsiException e) {
            return new FleetAction(label, xml, null, e.getMessage());
        } catch (RuntimeException e) {
            return new FleetAction(label, xml, null, "unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** The root element, e.g. CiscoIPPhoneExecute, or "" when the text could not be read. */
    public String rootElement() {
        return document == null ? "" : document.rootElement();
    }
}
