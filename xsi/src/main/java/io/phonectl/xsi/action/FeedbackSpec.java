package io.phonectl.xsi.action;

import io.phonectl.xsi.codec.FormBody;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.XsiDocument;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feedback of the control spec: what comes back from a phone, and the codec type it parses into.
 *
 * @param values   the spec's listed values (for enum feedbacks), verbatim
 * @param carrier  where the feedback travels
 * @param document the codec result type for XML bodies; empty for headers and display texts, which are not XML
 */
public record FeedbackSpec(String id, ParamType type, String description, List<String> values, Carrier carrier,
                           Optional<Class<? extends XsiDocument>> document) {

    /** Where a feedback travels. */
    public enum Carrier {
        /** An XML body (reply to a push or an unsolicited POST), parsed by the codec into {@link #document()}. */
        XML_BODY,
        /** HTTP request headers the phone sends with its GETs. */
        HTTP_HEADERS,
        /** A text on the phone's prompt line; nothing comes back over the network. */
        PHONE_DISPLAY
    }

    public FeedbackSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        values = List.copyOf(values);
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(document, "document");
        if ((carrier == Carrier.XML_BODY) != document.isPresent()) {
            throw new IllegalArgumentException(id + ": an XML body feedback needs a document type, others none");
        }
    }

    /**
     * Parses a body carrying this feedback into its codec type, leniently (phones differ in declarations and
     * order). Bare XML and the {@code DATA=} form field of unsolicited posts (notifyMediaEvent) are both accepted.
     *
     * @throws IllegalStateException for feedbacks that are not XML bodies (headers, display texts)
     * @throws io.phonectl.xsi.XsiParseException when the body is not this feedback's document
     */
    public XsiDocument parse(byte[] body) {
        Class<? extends XsiDocument> type = document.orElseThrow(
                () -> new IllegalStateException(id + " travels as " + carrier + ", not as an XML body"));
        return XsiCodec.decode(FormBody.field(body, FormBody.DATA_FIELD), XsiCodec.Mode.LENIENT, type);
    }
}
