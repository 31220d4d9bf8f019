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
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Pushes one {@link XsiPush} to many phones. Every phone gets exactly one definite {@link PhoneResult} by the
 * deadline: phones the pre-flight check rules out (default: {@link CatalogPreflight#standard()}) are reported,
 * not sent; the others are sent the push in their model's wire form, the same bytes for every phone of a model;
 * as many phones are talked to at once as the {@link ConcurrencyLimiter} allows (by default an adaptive limit per
 * {@link Sites site}; {@link FleetConfig#concurrency()} above 0 fixes it), each over one connection at a time;
 * transient failures (refused, timed out) are retried with backoff while the deadline allows, nothing else is.
 * Deadlines, backoff and elapsed times run on a {@link FleetClock}; each result says when, from the start of the
 * run, it was final ({@link PhoneResult#atMillis()}, the report's time to N). Worker threads are virtual threads;
 * {@link #run} blocks until the report is complete and prints nothing.
 */
public final class FleetPush {

    /** Time after the deadline the run allows itself to collect outcomes already decided. */
    static final Duration GRACE = Duration.ofMillis(250);
    /** How often the run looks at the clock while it waits for its workers. */
    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** One exchange with one phone; the future always completes normally. */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<PushOutcome> send(PhoneEntry phone, Credentials credentials, XsiPush push, Duration timeout);
    }

    private final Sender sender;
    private final Function<PhoneEntry, Credentials> credentials;
    private final Preflight preflight;
    private final FleetConfig config;
    private final FleetListener listener;
    private final FleetClock clock;
    private final ConcurrencyLimiter limiter;
    private final Function<PhoneEntry, String> site;

    private FleetPush(Builder b) {
        this.sender = Objects.requireNonNull(b.sender, "sender");
        this.credentials = b.credentials;
        this.preflight = b.preflight;
        this.config = b.config;
        this.listener = b.listener;
        this.clock = b.clock;
        this.limiter = b.limiter != null ? b.limiter : config.concurrency() == FleetConfig.ADAPTIVE
                ? ConcurrencyLimiter.adaptive() : ConcurrencyLimiter.fixed(config.concurrency());
        this.site = b.site;
    }

    /** The limiter this push takes its permits from (the one given, or the one its config asked for). */
    public ConcurrencyLimiter limiter() {
        return limiter;
    }

    public static Builder builder(XsiTransport transport) {
        Objects.requireNonNull(transport, "transport");
        return new Builder((phone, c, push, timeout) -> XsiClient.of(transport, phone.address(), c)
                .pushAsync(push, timeout));
    }

    /** A push over any exchange (tests: phones that answer at once, on a clock that does not wait). */
    static Builder builder(Sender sender) {
        return new Builder(sender);
    }

    public FleetReport run(Inventory phones, XsiPush push) {
        List<PhoneEntry> list = phones.phones();
        long start = clock.nanoTime();
        long deadline = start + config.deadline().toNanos();
        AtomicReferenceArray<PhoneResult> results = new AtomicReferenceArray<>(list.size());
        ProgressTracker tracker = new ProgressTracker(list.size(), start, listener, clock::nanoTime, limiter::limit);
        Preflight.Plan plan = preflight.plan(push);
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                workers.execute(() -> {
                    PhoneResult r;
                    try {
                        r = pushOne(list.get(index), plan, start, deadline, tracker);
                    } catch (RuntimeException e) {
                        // a failing credentials function or pre-flight must still leave this phone an outcome
                        r = new PhoneResult(list.get(index), new PushOutcome.Internal("not completed: " + e), 0, 0,
                                elapsedMs(start));
                    }
                    if (results.compareAndSet(index, null, r)) {
                        tracker.finished(r);
                    }
                });
            }
            workers.shutdown();
            awaitWorkers(workers, deadline + GRACE.toNanos());
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        List<PhoneResult> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            PhoneResult r = new PhoneResult(list.get(i), new PushOutcome.NotSent(OutcomeKind.DEADLINE_EXCEEDED,
                    "no outcome within the " + config.deadline().toMillis() + " ms deadline"), 0, elapsedMs(start),
                    elapsedMs(start));
            if (results.compareAndSet(i, null, r)) {
                tracker.finished(r);
            }
            out.add(results.get(i));
        }
        return new FleetReport(push.label(), out, Duration.ofNanos(clock.nanoTime() - start));
    }

    /** Waits for every worker, or until {@code end} on the clock; then stops those still running. */
    private void awaitWorkers(ExecutorService workers, long end) throws InterruptedException {
        while (!workers.awaitTermination(Math.max(1, Math.min(end - clock.nanoTime(), WAIT_STEP_NANOS)),
                TimeUnit.NANOSECONDS)) {
            if (clock.nanoTime() >= end) {
                workers.shutdownNow();
                return;
            }
        }
    }

    private PhoneResult pushOne(PhoneEntry phone, Preflight.Plan plan, long start, long deadline,
                                ProgressTracker tracker) {
        long begun = clock.nanoTime();
        XsiPush push;
        switch (plan.check(phone)) {
            case Preflight.Verdict.Skip skip -> {
                return new PhoneResult(phone, skip.outcome(), 0, elapsedMs(begun), elapsedMs(start));
            }
            case Preflight.Verdict.Send send -> push = send.push();
        }
        Credentials c;
        try {
            c = credentials.apply(phone);
        } catch (CredentialsException e) {
            return new PhoneResult(phone, new PushOutcome.NotSent(OutcomeKind.NO_CREDENTIALS, e.getMessage()), 0,
                    elapsedMs(begun), elapsedMs(start));
        }
        String key = site.apply(phone);
        PushOutcome last = null;
        int attempt = 0;
        ConcurrencyLimiter.Permit permit;
        while (attempt < config.retry().maxAttempts() && (permit = acquire(key, deadline)) != null) {
            PushOutcome outcome = null;
            long sent = clock.nanoTime();
            try {
                long left = deadline - sent;
                if (left <= 0) {
                    break; // the slot came after the deadline
                }
                attempt++;
                outcome = attempt(phone, c, push, left, tracker, attempt > 1, begun);
            } finally {
                permit.release(signal(outcome), clock.nanoTime() - sent);
            }
            if (outcome == null) {
                break; // interrupted
            }
            last = outcome;
            if (!last.kind().transientFailure() || attempt >= config.retry().maxAttempts()) {
                break;
            }
            long wait = config.retry().backoff(attempt).toNanos();
            if (clock.nanoTime() + wait >= deadline || !pause(wait)) {
                break;
            }
        }
        if (last == null) {
            last = new PushOutcome.NotSent(OutcomeKind.DEADLINE_EXCEEDED,
                    "not sent: the " + config.deadline().toMillis() + " ms deadline passed while waiting for a slot");
        }
        return new PhoneResult(phone, last, attempt, elapsedMs(begun), elapsedMs(start));
    }

    /** What an exchange tells the limiter: an answer's latency is a sample of the load; no answer is none. */
    static ConcurrencyLimiter.Outcome signal(PushOutcome outcome) {
        if (outcome == null) {
            return ConcurrencyLimiter.Outcome.UNUSED;
        }
        return switch (outcome) {
            case PushOutcome.TimedOut t -> ConcurrencyLimiter.Outcome.NO_ANSWER;
            case PushOutcome.Refused r -> ConcurrencyLimiter.Outcome.NO_ANSWER;
            case PushOutcome.Unreachable u -> ConcurrencyLimiter.Outcome.NO_ANSWER;
            case PushOutcome.Internal i -> ConcurrencyLimiter.Outcome.NO_ANSWER;
            case PushOutcome.NotSent n -> ConcurrencyLimiter.Outcome.UNUSED;
            default -> ConcurrencyLimiter.Outcome.ANSWERED;
        };
    }

    /** One exchange within what is left of the deadline; null when interrupted. */
    private PushOutcome attempt(PhoneEntry phone, Credentials c, XsiPush push, long leftNanos,
                                ProgressTracker tracker, boolean retry, long begun) {
        tracker.started(retry);
        try {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos));
            Duration timeout = Duration.ofMillis(Math.min(config.requestTimeout().toMillis(), left));
            return sender.send(phone, c, push, timeout).get(left + GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new PushOutcome.TimedOut(Phase.RESPONSE, elapsedMs(begun));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return new PushOutcome.Internal("the exchange failed: " + e.getCause());
        } finally {
            tracker.stopped(); // before the slot is handed on, so in-flight never reads above the limit
        }
    }

    /** Waits for a slot at the phone's site until the deadline on the clock; null when none came. */
    private ConcurrencyLimiter.Permit acquire(String key, long deadline) {
        long remaining = deadline - clock.nanoTime();
        try {
            return remaining > 0 ? limiter.acquire(key, Duration.ofNanos(remaining)) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Backoff between attempts. */
    private boolean pause(long nanos) {
        try {
            clock.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - since);
    }

    public static final class Builder {
        private final Sender sender;
        private Function<PhoneEntry, Credentials> credentials;
        private Preflight preflight = CatalogPreflight.standard();
        private FleetConfig config = FleetConfig.DEFAULTS;
        private FleetListener listener = FleetListener.NONE;
        private FleetClock clock = FleetClock.SYSTEM;
        private ConcurrencyLimiter limiter;
        private Function<PhoneEntry, String> site = Sites::of;

        private Builder(Sender sender) {
            this.sender = sender;
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

        /** The clock of deadlines, backoff and elapsed times (default {@link FleetClock#SYSTEM}). */
        public Builder clock(FleetClock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Permits from this limiter instead of one made for this push from the config (a service shares one
         * limiter between its jobs, so that sites are learnt once and not overloaded by two jobs at once).
         */
        public Builder limiter(ConcurrencyLimiter l) {
            this.limiter = Objects.requireNonNull(l, "limiter");
            return this;
        }

        /** The site of a phone for the per-site limit (default {@link Sites#of}: the /24 of its address). */
        public Builder site(Function<PhoneEntry, String> s) {
            this.site = Objects.requireNonNull(s, "site");
            return this;
        }

        public FleetPush build() {
            return new FleetPush(this);
        }
    }
}
