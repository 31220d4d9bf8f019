package io.phonectl.server.cucm;

import io.phonectl.server.event.EventService;
import io.phonectl.server.event.NewEvent;
import io.phonectl.server.http.Json;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What runs put in the event stream: {@code cucm.discovered} with the counts, {@code device.cucm-changed} for each
 * device a run added, changed, marked gone or saw return, {@code cucm.failed} with the reason, {@code cucm.resumed}
 * when a replica takes over a run its service left unfinished and runs it again, {@code cucm.skipped} for a scheduled
 * slot that started no run (the source was busy). Never a credential.
 */
final class RunEvents {

    static final String DISCOVERED = "cucm.discovered";
    static final String DEVICE_CHANGED = "device.cucm-changed";
    static final String FAILED = "cucm.failed";
    static final String SKIPPED = "cucm.skipped";
    static final String RESUMED = "cucm.resumed";
    /** Events per transaction: a first discovery of a large cluster adds thousands of devices. */
    private static final int CHUNK = 500;

    private final EventService events;

    RunEvents(EventService events) {
        this.events = events;
    }

    void discovered(CucmSource source, CucmRun run, Reconciler.Outcome o) {
        List<NewEvent> batch = new ArrayList<>();
        for (Reconciler.Change c : o.changes()) {
            if (c.device() == null) {
                continue;
            }
            batch.add(new NewEvent(DEVICE_CHANGED, null, c.device(), "cucm:" + source.name(), base(source, run.id())
                    .put("name", c.name()).put("change", c.kind()).put("detail", c.detail())));
            if (batch.size() == CHUNK) {
                events.appendAll(batch);
                batch.clear();
            }
        }
        events.appendAll(batch);
        events.append(new NewEvent(DISCOVERED, null, null, "cucm:" + source.name(), base(source, run.id())
                .put("mode", run.mode()).put("fullPass", run.fullPass()).put("found", o.found())
                .put("added", o.added()).put("changed", o.changed()).put("gone", o.gone())
                .put("registered", o.registered()).put("unregistered", o.unregistered())
                .put("conflicts", o.conflicts()).put("detail", run.detail())));
    }

    void failed(CucmSource source, long run, String reason) {
        events.append(new NewEvent(FAILED, null, null, "cucm:" + source.name(), base(source, run).put("reason", reason)));
    }

    void resumed(CucmSource source, CucmRun run, String reason) {
        events.append(new NewEvent(RESUMED, null, null, "cucm:" + source.name(), base(source, run.id())
                .put("mode", run.mode()).put("reason", reason)));
    }

    void skipped(CucmSource source, java.time.Instant slot, String reason) {
        events.append(new NewEvent(SKIPPED, null, null, "cucm:" + source.name(), Json.mapper().createObjectNode()
                .put("source", source.id()).put("sourceName", source.name()).put("slot", slot.toString())
                .put("reason", reason)));
    }

    private static ObjectNode base(CucmSource source, long run) {
        return Json.mapper().createObjectNode().put("source", source.id()).put("sourceName", source.name())
                .put("run", run);
    }
}
