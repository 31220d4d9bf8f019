package io.phonectl.xsi.component;

import io.phonectl.xsi.object.Checks;

/** {@code <startMedia><mediaStream …>…</mediaStream></startMedia>}; the phone answers {@link MediaStreamReply}. */
public record StartMedia(MediaStream stream) implements ComponentMessage {

    public StartMedia {
        Checks c = new Checks();
        if (stream == null) {
            c.add("mediaStream", null, "is required", io.phonectl.xsi.Sources.RTP_STREAMING_API);
        } else {
            stream.check(c);
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "startMedia";
    }
}
