package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;

/** The phone's 200 answer to startMedia: {@code <mediaStream id="abc123"/>}. */
public record MediaStreamReply(String id) implements ComponentMessage {

    public MediaStreamReply {
        Checks c = new Checks();
        c.required("mediaStream.id", id, Sources.RTP_STREAMING_API);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "mediaStream";
    }
}
