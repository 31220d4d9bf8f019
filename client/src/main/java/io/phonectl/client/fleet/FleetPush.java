package io.phonectl.client.fleet;

import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.Phase;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.XsiValidationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Pushes one action to many phones. Every phone gets exactly one definite {@link PhoneResult} by the
 * deadline: phones the pre-flight check rules out (default: {@link CatalogPreflight#standard()}) are reported,
 * not sent; at most {@code concurrency} phones are talked to at once, each over one connection at a time;
 * transient failures (refused, timed out) are
 * retried with backoff while the deadline allows, nothing else is. Worker threads are virtual threads;
 * {@link #run} blocks until the report is complete and prints nothing.
 */
public final class FleetPush {

    /** Time after the deadline the run allows itself to collect outcomes already decided. */
    static final Duration GRACE = Duration.ofMillis(250);

    private final XsiTransport transport;
    private final Function<PhoneEntry, Credentials> credentials;
    private final Preflight preflight;
    private final FleetConfig config;
    private final FleetListener listener;

    private FleetPush(Builder b) {
        this.transport = Objects.requireNonNull(b.transport, "transport");
        this.credentials = b.credentials;
        this.preflight = b.preflight;
        this.config = b.config;
        this.listener = b.listener;
    }

    public static Builder builder(XsiTransport transport) {
        return new Builder(transport);
    }

    public FleetReport run(Inventory phones, FleetAction action) {
        List<PhoneEntry> list = phones.phones();
        long start = System.nanoTime();
        long deadline = start + config.deadline().toNanos();
        AtomicReferenceArray<PhoneResult> results = new AtomicReferenceArray<>(list.size());
        ProgressTracker tracker = new ProgressTracker(list.size(), start, listener);
        Semaphore permits = new Semaphore(config.concurrency());
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                workers.execute(() -> {
                    PhoneResult r;
                    try {
                        r = pushOne(list.get(index), action, deadline, permits, tracker);
                    } catch (RuntimeException e) {
                        // a failing credentials function or pre-flight must still leave this phone an outcome
                        r = new PhoneResult(list.get(index), new PushOutcome.Malformed(0, null, "not completed: "
                                + e.getClass().getSimpleName()), 0, 0);
                    }
                    if (results.compareAndSet(index, null, r)) {
                        tracker.finished(r);
                    }
                });
            }
            workers.shutdown();
            long wait = deadline + GRACE.toNanos() - System.nanoTime();
            if (!workers.awaitTermination(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        List<PhoneResult> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            PhoneResult r = new PhoneResult(list.get(i), new PushOutcome.NotSent(OutcomeKind.DEADLINE_EXCEEDED,
                    "no outcome within the " + config.deadline().toMillis() + " ms deadline"), 0, elapsedMs(start));
            if (results.compareAndSet(i, null, r)) {
                tracker.finished(r);
            }
            out.add(results.get(i));
        }
        return new FleetReport(action.label(), out, Duration.ofNanos(System.nanoTime() - start));
    }

    private PhoneResult pushOne(PhoneEntry phone, FleetAction action, long deadline, Semaphore permits,
                                ProgressTracker tracker) {
        long begun = System.nanoTime();
        Optional<PushOutcome.NotSent> refused = preflight.check(phone, action);
        if (refused.isPresent()) {
            return new PhoneResult(phone, refused.get(), 0, elapsedMs(begun));
        }
        XsiClient client;
        try {
            client = XsiClient.of(transport, phone.address(), credentials.apply(phone))
                    .withSizeProfile(preflight.sizeProfile(phone));
        } catch (CredentialsException e) {
            return new PhoneResult(phone, new PushOutcome.NotSent(OutcomeKind.NO_CREDENTIALS, e.getMessage()), 0,
                    elapsedMs(begun));
        }
        PushOutcome last = null;
        int attempt = 0;
        while (attempt < config.retry().maxAttempts()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !acquire(permits, remaining)) {
                break;
            }
            attempt++;
            tracker.started(attempt > 1);
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                Duration timeout = Duration.ofMillis(Math.min(config.requestTimeout().toMillis(), left));
                last = client.pushAsync(action.xml(), timeout).get(left + GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (XsiValidationException e) {
                return new PhoneResult(phone, new PushOutcome.NotSent(OutcomeKind.INVALID, e.getMessage()), 0,
                        elapsedMs(begun));
            } catch (TimeoutException e) {
                last = new PushOutcome.TimedOut(Phase.RESPONSE, elapsedMs(begun));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                last = new PushOutcome.Malformed(0, null, "unexpected failure: " + e.getCause());
            } finally {
                tracker.stopped(); // before the slot is handed on, so in-flight never reads above the limit
                permits.release();
            }
            if (!last.kind().transientFailure() || attempt >= config.retry().maxAttempts()) {
                break;
            }
            long wait = config.retry().backoff(attempt).toNanos();
            if (System.nanoTime() + wait >= deadline || !pause(wait)) {
                break;
            }
        }
        if (last == null) {
            last = new PushOutcome.NotSent(OutcomeKind.DEADLINE_EXCEEDED,
                    "not sent: the " + config.deadline().toMillis() + " ms deadline passed while waiting for a slot");
        }
        return new PhoneResult(phone, last, attempt, elapsedMs(begun));
    }

    private static boolean acquire(Semaphore permits, long nanos) {
        try {
            return permits.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Backoff between attempts (a virtual thread parks; production code only). */
    private static boolean pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    public static final class Builder {
        private final XsiTransport transport;
        private Function<PhoneEntry, Credentials> credentials;
        private Preflight preflight = CatalogPreflight.standard();
        private FleetConfig config = FleetConfig.DEFAULTS;
        private FleetListener listener = FleetListener.NONE;

        private Builder(XsiTransport transport) {
            this.transport = transport;
            CredentialResolver env = CredentialResolver.fromSystemEnvironment();
            this.credentials = p -> env.resolve(p.credentials(), p.user());
        }

        /** Resolves each phone's credentials reference (and user override) with this resolver. */
        public Builder credentials(CredentialResolver resolver) {
            Objects.requireNonNull(resolver, "resolver");
            this.credentials = p -> resolver.resolve(p.credentials(), p.user());
            return this;
        }

        /** Any mapping; it may throw {@link CredentialsException} for a phone, which is then not contacted. */
        public Builder credentials(Function<PhoneEntry, Credentials> perPhone) {
            this.credentials = Objects.requireNonNull(perPhone, "perPhone");
            return this;
        }

        public Builder preflight(Preflight p) {
            this.preflight = Objects.requireNonNull(p, "preflight");
            return this;
        }

        public Builder config(FleetConfig c) {
            this.config = Objects.requireNonNull(c, "config");
            return this;
        }

        public Builder listener(FleetListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        public FleetPush build() {
            return new FleetPush(this);
        }
    }
}
