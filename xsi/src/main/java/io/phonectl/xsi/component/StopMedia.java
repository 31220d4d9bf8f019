package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;

/**
 * {@code <stopMedia><mediaStream id="…"/></stopMedia>}. A null id writes {@code <stopMedia/>}, which stops every
 * services RTP stream, including streams started by the legacy RTP URIs.
 */
public record StopMedia(String id) implements ComponentMessage {

    public StopMedia {
        if (id != null && id.isEmpty()) {
            new Checks().add(io.phonectl.xsi.Violation.of("mediaStream.id", id, "must not be empty (omit it to stop all)",
                    Sources.RTP_STREAMING_API)).throwIfAny();
        }
    }

    public static StopMedia all() {
        return new StopMedia(null);
    }

    public boolean stopsAll() {
        return id == null;
    }

    @Override
    public String rootElement() {
        return "stopMedia";
    }
}
