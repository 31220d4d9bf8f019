package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;

/** The 400 body of the RTP Streaming API: {@code <errorResponse><type>…</type><data>…</data></errorResponse>}. */
public record ErrorResponse(ErrorType type, String data) implements ComponentMessage {

    public ErrorResponse {
        Checks c = new Checks();
        if (type == null) {
            c.add("errorResponse.type", null, "is required", Sources.RTP_STREAMING_API);
        }
        c.throwIfAny();
    }

    public static ErrorResponse invalidXml(String parserMessage) {
        return new ErrorResponse(ErrorType.INVALID_XML, parserMessage);
    }

    public static ErrorResponse unavailableResource() {
        return new ErrorResponse(ErrorType.UNAVAILABLE_RESOURCE, ErrorType.UNAVAILABLE_RESOURCE.documentedData());
    }

    public static ErrorResponse unknownStream(String id) {
        return new ErrorResponse(ErrorType.INVALID_RESOURCE_ID, ErrorType.INVALID_RESOURCE_ID.documentedData() + id);
    }

    @Override
    public String rootElement() {
        return "errorResponse";
    }
}
