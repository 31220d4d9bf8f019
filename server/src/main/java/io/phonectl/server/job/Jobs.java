package io.phonectl.server.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.EventService;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.replica.Replicas;

import java.time.InstantSource;
import java.util.function.BiFunction;

/** The job side of a running server, started and stopped together: the engine, the job service, one-device operations. */
public final class Jobs implements AutoCloseable {

    private final JobEngine engine;
    private final JobService service;
    private final DeviceOperations operations;

    private Jobs(JobEngine engine, JobService service, DeviceOperations operations) {
        this.engine = engine;
        this.service = service;
        this.operations = operations;
    }

    /**
     * @param callbackUri the service's Notify URI for (job, device), or null without a callback receiver
     * @param kinds       job kinds added from outside the engine (notifications)
     */
    public static Jobs start(Database db, JobsConfig config, InstantSource clock, CredentialService credentials,
                             Replicas replicas, DeviceService devices, GroupService groups, EventService events, MeterRegistry meters,
                             BiFunction<Long, Long, String> callbackUri, java.util.List<JobKind> kinds) {
        JobEngine engine = new JobEngine(db, config, clock, credentials, replicas, events, meters, callbackUri, kinds);
        JobService service = new JobService(engine, groups); // before the start: runs take over unfinished creations
        try {
            engine.start();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return new Jobs(engine, service, new DeviceOperations(engine, devices, credentials, events));
    }

    public JobEngine engine() {
        return engine;
    }

    public JobService service() {
        return service;
    }

    public DeviceOperations operations() {
        return operations;
    }

    @Override
    public void close() {
        engine.close();
    }
}
