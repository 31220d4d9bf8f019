package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;

/**
 * What the phone posts as {@code DATA=} when a stream ends outside the API, e.g.
 * {@code <notifyMediaEvent type="stopped" origin="user"><mediaStream id="abc123"/></notifyMediaEvent>}.
 */
public record NotifyMediaEvent(String type, String origin, String streamId) implements ComponentMessage {

    public NotifyMediaEvent {
        Checks c = new Checks();
        c.required("notifyMediaEvent.type", type, Sources.RTP_STREAMING_API);
        c.required("mediaStream.id", streamId, Sources.RTP_STREAMING_API);
        c.throwIfAny();
    }

    public static NotifyMediaEvent stoppedByUser(String streamId) {
        return new NotifyMediaEvent("stopped", "user", streamId);
    }

    @Override
    public String rootElement() {
        return "notifyMediaEvent";
    }
}
