package io.phonectl.server.cucm;

import io.phonectl.client.cucm.CucmClientConfig;
import io.phonectl.client.cucm.CucmClientException;
import io.phonectl.client.cucm.CucmDiscovery;
import io.phonectl.client.cucm.DiscoveryListener;
import io.phonectl.client.cucm.DiscoveryResult;
import io.phonectl.client.cucm.SyncOutcome;
import io.phonectl.client.cucm.SyncState;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.EventService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Discovery runs of CUCM sources: {@link #start} records a run and runs {@link CucmDiscovery} on a virtual thread
 * (a full pass, or an incremental sync from the source's change-queue position and phones, falling back to a full
 * pass when the queue is gone), then {@link Reconciler} brings the devices in line and {@link RunEvents} reports it.
 * A run is a row of its own rather than a job: a job's items are devices resolved when it is created, and a
 * discovery has no devices until it has run (it makes them). The row is written before the run starts; a run a
 * stopped service left behind is failed at the next start, with the reason.
 */
public final class DiscoveryRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRuns.class);

    private final SourceService sources;
    private final CredentialService credentials;
    private final RunStore runs;
    private final PhoneStore phones;
    private final Reconciler reconciler;
    private final RunEvents events;
    private final InstantSource clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cucm-discovery-", 0).factory());

    public DiscoveryRuns(Database db, SourceService sources, CredentialService credentials, DeviceService devices,
                         EventService events, InstantSource clock) {
        this.sources = sources;
        this.credentials = credentials;
        this.runs = new RunStore(db);
        this.phones = new PhoneStore(db);
        this.reconciler = new Reconciler(devices, phones);
        this.events = new RunEvents(events);
        this.clock = clock;
        int interrupted = runs.failInterrupted(clock.instant());
        if (interrupted > 0) {
            LOG.warn("{} CUCM discovery runs were interrupted by the last stop: marked failed", interrupted);
        }
    }

    /**
     * Starts a run now. {@code full} forces a full pass; otherwise a source that has a sync position syncs.
     *
     * @return the run, running
     */
    public CucmRun start(long sourceId, boolean full, String actor) {
        CucmSource source = sources.get(sourceId);
        CucmRun run = runs.start(sourceId, full || !source.syncable() ? "full" : "sync", actor, clock.instant());
        executor.execute(() -> execute(source, run));
        return run;
    }

    private void execute(CucmSource source, CucmRun run) {
        Path trust = null;
        try {
            SourceService.Connection c = sources.connection(source.id());
            trust = source.certificate() == null ? null : trustFile(source.certificate());
            CucmClientConfig config = config(source, c, trust);
            DiscoveryResult result;
            boolean fullPass = false;
            String detail = "";
            try (CucmDiscovery discovery = new CucmDiscovery(config)) {
                if (run.mode().equals("full")) {
                    result = discovery.discover(p -> true, DiscoveryListener.NONE);
                } else {
                    SyncState state = new SyncState(config.host(), c.queueId(), c.nextChangeId(),
                            phones.configured(source.id()));
                    SyncOutcome s = discovery.sync(state, p -> true, DiscoveryListener.NONE);
                    result = s.result();
                    fullPass = s.fullPass();
                    detail = s.why();
                }
            }
            Reconciler.Outcome o = reconciler.apply(source, result.phones(), clock.instant());
            runs.succeed(source.id(), run.id(), result, o, fullPass, detail, clock.instant());
            events.discovered(source, runs.get(source.id(), run.id()), o);
        } catch (CucmClientException e) {
            failed(source, run, e.getMessage());
        } catch (InterruptedException e) {
            failed(source, run, "the service stopped while the run was in progress; start it again");
        } catch (ApiException e) {
            failed(source, run, e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.error("CUCM discovery run {} of source {} failed", run.id(), source.id(), e);
            failed(source, run, "internal error: " + e.getClass().getSimpleName());
        } finally {
            if (trust != null) {
                try {
                    Files.deleteIfExists(trust);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", trust, e.toString());
                }
            }
        }
    }

    private void failed(CucmSource source, CucmRun run, String reason) {
        try {
            runs.fail(run.id(), reason, clock.instant());
            events.failed(source, run.id(), reason);
        } catch (RuntimeException e) {
            LOG.warn("could not record the failure of CUCM run {}: {}", run.id(), e.toString());
        }
    }

    private CucmClientConfig config(CucmSource source, SourceService.Connection c, Path trust) {
        String publisher = source.publisher();
        int colon = publisher.lastIndexOf(':');
        String host = publisher.substring(0, colon).replace("[", "").replace("]", "");
        TlsPolicy tls = source.insecure() ? TlsPolicy.trustAll() : trust != null ? TlsPolicy.verify(trust, null)
                : TlsPolicy.verify();
        return CucmClientConfig.builder(host, credentials.resolve(c.credentialId()))
                .port(Integer.parseInt(publisher.substring(colon + 1))).tls(tls)
                .axlVersion(AxlVersion.of(source.axlVersion())).nodes(source.nodes()).build();
    }

    /** The client reads trust from a file: the source's certificate, owner-only, deleted when the run ends. */
    private static Path trustFile(String pem) throws IOException {
        Path f = Files.createTempFile("phonectl-cucm-", ".pem",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(f, pem);
        return f;
    }

    public CucmRun run(long source, long run) {
        return runs.get(source, run);
    }

    public Page<CucmRun> runs(long source, Paging paging) {
        sources.get(source);
        return runs.list(source, paging);
    }

    public Page<CucmChange> changes(long source, long run, Paging paging) {
        return runs.changes(source, run, paging);
    }

    /** The source's phones as CUCM last described them, registration included. */
    public Page<CucmPhone> phones(long source, Paging paging) {
        sources.get(source);
        return phones.page(source, paging);
    }

    /** Stops runs in flight (they are marked failed, with the reason) and waits a little for them to say so. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("CUCM discovery runs did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
