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
import io.phonectl.server.http.ApiException;
import io.phonectl.server.replica.Replicas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;

/**
 * One run from start to end, on the thread given to it: {@link CucmDiscovery} full or sync from the source's stored
 * change-queue position (its RisPort requests through the cluster's shared gate), then {@link Reconciler}, then the
 * result recorded with the lease given back in one transaction, and the events. A run that is halted (its service
 * is stopping, or its lease was found taken over) records nothing: it is left running for the next look of a live
 * replica to resume (or to end, when it was resumed before), so it still gets exactly one end. Nor does a run whose
 * replica is fenced (its heartbeat too old for it to be sure nobody took its work over) change devices.
 */
final class RunExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    static final String STOPPED = "the run's thread was interrupted while the service was not stopping; start it again";

    private final SourceService sources;
    private final CredentialService credentials;
    private final RunStore runs;
    private final PhoneStore phones;
    private final Reconciler reconciler;
    private final RunEvents events;
    private final SourceLease lease;
    private final ClusterGates gates;
    private final Replicas replicas;
    private final InstantSource clock;

    RunExecution(SourceService sources, CredentialService credentials, RunStore runs, PhoneStore phones,
                 Reconciler reconciler, RunEvents events, SourceLease lease, ClusterGates gates, Replicas replicas,
                 InstantSource clock) {
        this.sources = sources;
        this.credentials = credentials;
        this.runs = runs;
        this.phones = phones;
        this.reconciler = reconciler;
        this.events = events;
        this.lease = lease;
        this.gates = gates;
        this.replicas = replicas;
        this.clock = clock;
    }

    /**
     * Runs it; {@code halted} says whether the service is stopping or the lease was found taken over: then whatever
     * went wrong (an interrupted request, most likely) is not the run's end, and nothing is recorded.
     */
    void execute(CucmSource source, CucmRun run, BooleanSupplier halted) {
        Path trust = null;
        try {
            SourceService.Connection c = sources.connection(source.id());
            trust = source.certificate() == null ? null : TrustFiles.write(source.certificate());
            CucmClientConfig config = config(source, c, trust);
            DiscoveryResult result;
            boolean fullPass = false;
            String detail = "";
            try (CucmDiscovery discovery = new CucmDiscovery(config, gates.clock(), gates.gate(config.risHost(), config.port()))) {
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
            if (halted.getAsBoolean() || !replicas.holdsClaims() || !lease.holds(source.id(), run.id())) {
                LOG.warn("CUCM run {} of source {} stopped before recording (this service is stopping, fenced, or "
                        + "another took the run over): a live replica resumes or ends it", run.id(), source.id());
                return;
            }
            Reconciler.Outcome o = reconciler.apply(source, result.phones(), clock.instant());
            runs.succeed(lease, source.id(), run.id(), result, o, fullPass, detail, clock.instant());
            events.discovered(source, runs.get(source.id(), run.id()), o);
        } catch (CucmClientException | ApiException e) {
            if (!left(source, run, halted, e)) {
                failed(source, run, e.getMessage());
            }
        } catch (InterruptedException e) {
            if (!left(source, run, halted, e)) {
                failed(source, run, STOPPED);
            }
        } catch (RunStore.LeaseLost e) {
            LOG.warn("CUCM run {} of source {}: {}; the devices were brought in line, the replica that took the run "
                    + "over ends it", run.id(), source.id(), e.getMessage());
        } catch (RuntimeException | IOException e) {
            if (left(source, run, halted, e)) {
                return;
            }
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

    /** Whether the run was halted: then {@code e} (an interrupted request, most likely) is not its end. */
    private static boolean left(CucmSource source, CucmRun run, BooleanSupplier halted, Exception e) {
        if (!halted.getAsBoolean()) {
            return false;
        }
        LOG.info("CUCM run {} of source {} halted ({}): left for a live replica to resume", run.id(), source.id(),
                e.toString());
        return true;
    }

    void failed(CucmSource source, CucmRun run, String reason) {
        try {
            if (runs.fail(lease, source.id(), run.id(), reason, clock.instant())) {
                events.failed(source, run.id(), reason);
            }
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
}
