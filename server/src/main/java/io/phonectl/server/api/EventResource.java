package io.phonectl.server.api;

import io.phonectl.server.event.Event;
import io.phonectl.server.event.EventFilter;
import io.phonectl.server.event.EventService;
import io.phonectl.server.event.EventStream;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The event stream: Server-Sent Events (the default; {@code Last-Event-ID} or {@code after} resumes from the table,
 * heartbeat comments while idle), or a JSON page for clients that poll ({@code Accept: application/json}).
 */
final class EventResource {

    private EventResource() {
    }

    static List<Route> routes(EventService events, EventStream stream) {
        return List.of(Route.get("/api/v1/events").role(Role.VIEWER)
                .doc("events", "Events as Server-Sent Events (text/event-stream, resumable with Last-Event-ID), or a "
                        + "page of them with Accept: application/json")
                .query("job", "string", "job ids, comma-separated").query("device", "string", "device ids, comma-separated")
                .query("type", "string", "types or prefixes, comma-separated (job.*, device.media, audit)")
                .query("after", "integer", "start after this event id (as Last-Event-ID)").paged()
                .responsePage(Event.class).handler(ex -> {
                    EventFilter filter = EventFilter.parse(ex.query("job"), ex.query("device"), ex.query("type"));
                    var paging = ex.paging();
                    if (wantsJson(ex)) {
                        return Reply.ok(events.list(filter, paging));
                    }
                    Long from = position(ex);
                    long after = stream.start(filter, from);
                    stream.admit();
                    return Reply.stream("text/event-stream", out -> {
                        try {
                            stream.run(filter, after, sink(out));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }).header("X-Accel-Buffering", "no");
                }));
    }

    /** JSON when the client asks for it and not for an event stream. */
    private static boolean wantsJson(Exchange ex) {
        String accept = ex.header("Accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/json") && !a.contains("text/event-stream");
    }

    private static Long position(Exchange ex) {
        String header = ex.header("Last-Event-ID");
        String field = header != null ? "Last-Event-ID" : "after";
        String v = header != null ? header : ex.query("after");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(v.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException.Invalid(field, v, "an event id (a non-negative integer)");
    }

    /** The SSE wire format: {@code id}, {@code event} and one {@code data} line of JSON, then a blank line. */
    static EventStream.Sink sink(OutputStream out) {
        return new EventStream.Sink() {
            @Override
            public void event(Event e) throws IOException {
                String frame = "id: " + e.id() + "\nevent: " + e.type() + "\ndata: "
                        + Json.mapper().writeValueAsString(e) + "\n\n";
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }

            @Override
            public void comment(String text) throws IOException {
                out.write((": " + text.replace('\n', ' ') + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }
}
