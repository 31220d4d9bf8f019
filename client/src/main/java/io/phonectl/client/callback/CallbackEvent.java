package io.phonectl.client.callback;

import io.phonectl.xsi.component.NotifyApplicationEvent;
import io.phonectl.xsi.component.NotifyMediaEvent;

import java.time.Instant;

/** What a phone posted to the callback receiver, typed. Every event says who sent it, where and when. */
public sealed interface CallbackEvent {

    /** Where the POST came from and where it went. */
    record Origin(String remoteAddress, String path, Instant received) {
    }

    Origin origin();

    /** {@code <notifyMediaEvent type="stopped" origin="user">…}: a media stream ended (e.g. the user hung up). */
    record Media(Origin origin, NotifyMediaEvent event) implements CallbackEvent {
    }

    /** {@code <notifyApplicationEvent appId=… type=…/>}: the application lost/gained focus, was minimized or closed. */
    record Application(Origin origin, NotifyApplicationEvent event) implements CallbackEvent {
    }

    /** A Notify URI's own {@code data} (any text the application chose), or XML that is none of the events. */
    record Data(Origin origin, String data) implements CallbackEvent {
    }

    /** A POST that was refused (wrong or missing credentials, no DATA field, too large); answered 4xx. */
    record Rejected(Origin origin, int httpStatus, String reason) implements CallbackEvent {
    }
}
