package io.phonectl.xsi.codec;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.component.*;

import java.util.function.Function;

/** Maps a read tree onto component-API messages. */
final class ComponentReader {
    private ComponentReader() {
    }

    /** Null when the root is not a component message. */
    static ComponentMessage read(Node n) {
        return switch (n.name) {
            case "startMedia" -> {
                Node m = n.one("mediaStream");
                if (m == null) {
                    throw n.error("missing <mediaStream>");
                }
                Integer port = m.childInt("port");
                if (port == null) {
                    throw m.error("missing <port>");
                }
                yield new StartMedia(new MediaStream(m.attrs.get("id"), m.attrs.get("onStopped"),
                        m.attrInt("receiveVolume"), m.childText("type"),
                        enumValue(m.childText("codec"), Codec::fromXml, "mediaStream.codec", "G.711, G.722 or G.729"),
                        enumValue(m.childText("mode"), MediaMode::fromXml, "mediaStream.mode",
                                "send, receive or sendReceive"),
                        m.childText("address"), port));
            }
            case "stopMedia" -> {
                Node m = n.one("mediaStream");
                yield new StopMedia(m == null ? null : m.attrs.get("id"));
            }
            case "mediaStream" -> new MediaStreamReply(n.attrs.get("id"));
            case "errorResponse" -> new ErrorResponse(enumValue(n.childText("type"), ErrorType::fromXml,
                    "errorResponse.type", "InvalidXML, UnavailableResource, InvalidResourceID, InvalidURL or "
                            + "InvalidResource"), n.childText("data"));
            case "notifyMediaEvent" -> {
                Node m = n.one("mediaStream");
                yield new NotifyMediaEvent(n.attrs.get("type"), n.attrs.get("origin"),
                        m == null ? null : m.attrs.get("id"));
            }
            case "notifyApplicationEvent" -> new NotifyApplicationEvent(n.attrs.get("appId"),
                    enumValue(n.attrs.get("type"), AppEventType::fromXml, "notifyApplicationEvent.type",
                            "closed, minimized, focusLost or focusGained"));
            case "getDeviceCaps" -> new GetDeviceCaps();
            case "getDeviceCapsResponse" -> {
                Node p = n.one("physical");
                Node s = n.one("services");
                Node d = p == null ? null : p.one("display");
                DisplayCaps caps = d == null ? null : new DisplayCaps(d.requiredAttrInt("width"),
                        d.requiredAttrInt("height"), d.requiredAttrInt("bitDepth"),
                        bool(d, d.attrs.get("isColor")));
                yield new GetDeviceCapsResponse(p == null ? null : p.childText("modelNumber"), caps,
                        s == null ? null : s.attrs.get("sdkVersion"), s == null ? null : s.childText("browser"));
            }
            default -> null;
        };
    }

    private static boolean bool(Node n, String v) {
        if ("true".equals(v)) {
            return true;
        }
        if ("false".equals(v) || v == null) {
            return false;
        }
        throw new XsiValidationException(Violation.of(n.name + ".isColor", v, "must be true or false",
                Sources.CONTROL_SPEC));
    }

    private static <E> E enumValue(String text, Function<String, E> parse, String field, String allowed) {
        if (text == null) {
            return null; // the message's own constructor reports the missing value
        }
        E e = parse.apply(text.strip());
        if (e == null) {
            throw new XsiValidationException(Violation.of(field, text, "must be " + allowed,
                    Sources.RTP_STREAMING_API));
        }
        return e;
    }
}
