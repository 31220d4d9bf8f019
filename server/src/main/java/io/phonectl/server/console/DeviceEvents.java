package io.phonectl.server.console;

import io.phonectl.server.event.EventFilter;
import io.phonectl.server.event.EventHub;
import io.phonectl.server.event.Subscription;
import io.phonectl.server.http.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A device's events as they happen, for its page: Server-Sent Events whose data is one table row of HTML
 * ({@code device-event.jte}) per event of the device (an xAPI device's status changes and events, connects and
 * disconnects, actions), which htmx's SSE extension puts at the top of the events table. Live only: the page itself
 * shows the latest events from the database. It ends when the reader goes, the server stops, or the reader falls
 * too far behind (the page then says so and a reload starts again).
 */
final class DeviceEvents {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int QUEUE = 256;

    private final EventHub hub;

    DeviceEvents(EventHub hub) {
        this.hub = hub;
    }

    Reply stream(long deviceId) {
        return Html.secure(Reply.stream("text/event-stream", out -> run(deviceId, out))
                .header("X-Accel-Buffering", "no"));
    }

    private void run(long deviceId, OutputStream out) throws IOException {
        try (Subscription live = hub.subscribe(new EventFilter(Set.of(), Set.of(deviceId), List.of()), QUEUE)) {
            out.write(": live\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                Subscription.Next next = live.next(HEARTBEAT);
                switch (next) {
                    case Subscription.Next.Got g -> JobLive.send(out, "event", Html.fragment("device-event.jte", g.event()));
                    case Subscription.Next.Idle i -> {
                        out.write(": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    case Subscription.Next.Overflowed o -> {
                        JobLive.send(out, "overflow", "<p class=\"error\">Too many events to follow live: reload "
                                + "the page.</p>");
                        return;
                    }
                    case Subscription.Next.Closed c -> {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
