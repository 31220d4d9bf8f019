package io.phonectl.client.fleet;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * One run of a {@link FleetPush}: phones are taken in inventory order by one dispatcher per site (a virtual thread
 * that waits for its site's permits, so a saturated site holds back no other), each phone's exchange is sent without a
 * thread of its own, and its answer, a retry or its final result follows from the exchange's completion. A retry waits
 * out its backoff on a virtual thread of its own (the rare path). Every phone's first final result wins; the run
 * collects them until all are in or the deadline (plus {@link FleetPush#GRACE}) has passed on the clock.
 */
final class FleetRun {

    /** How often the run looks at the clock while it waits for results. */
    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final FleetPush.Sender sender;
    private final Function<PhoneEntry, Credentials> credentials;
    private final FleetConfig config;
    private final FleetClock clock;
    private final ConcurrencyLimiter limiter;
    private final List<PhoneEntry> phones;
    private final Preflight.Plan plan;
    private final long start;
    private final long deadline;
    private final AtomicReferenceArray<PhoneResult> results;
    private final CountDownLatch remaining;
    private final ProgressTracker tracker;

    FleetRun(FleetPush.Sender sender, Function<PhoneEntry, Credentials> credentials, FleetConfig config,
             FleetClock clock, ConcurrencyLimiter limiter, FleetListener listener, List<PhoneEntry> phones,
             Preflight.Plan plan) {
        this.sender = sender;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
        this.limiter = limiter;
        this.phones = phones;
        this.plan = plan;
        this.start = clock.nanoTime();
        this.deadline = start + config.deadline().toNanos();
        this.results = new AtomicReferenceArray<>(phones.size());
        this.remaining = new CountDownLatch(phones.size());
        this.tracker = new ProgressTracker(phones.size(), start, listener, clock::nanoTime, limiter::limit);
    }

    /** Runs every phone to its result, or until the deadline; returns the results in inventory order. */
    List<PhoneResult> run(Function<PhoneEntry, String> site, XsiPush push) {
        Map<String, List<Integer>> bySite = new LinkedHashMap<>();
        for (int i = 0; i < phones.size(); i++) {
            bySite.computeIfAbsent(site.apply(phones.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Thread> dispatchers = new ArrayList<>(bySite.size());
        bySite.forEach((key, indexes) -> dispatchers.add(Thread.ofVirtual().name("fleet-" + key)
                .start(() -> dispatch(key, indexes, push))));
        try {
            long end = deadline + FleetPush.GRACE.toNanos();
            while (!remaining.await(Math.max(1, Math.min(end - clock.nanoTime(), WAIT_STEP_NANOS)),
                    TimeUnit.NANOSECONDS) && clock.nanoTime() < end) {
                // the clock decides when the run ends: a test's clock moves faster than the wall
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatchers.forEach(Thread::interrupt);
        List<PhoneResult> out = new ArrayList<>(phones.size());
        for (int i = 0; i < phones.size(); i++) {
            finish(i, new PhoneResult(phones.get(i), new PushOutcome.NotSent(OutcomeKind.DEADLINE_EXCEEDED,
                    "no outcome within the " + config.deadline().toMillis() + " ms deadline"), 0, elapsedMs(start),
                    elapsedMs(start)));
            out.add(results.get(i));
        }
        return out;
    }

    /** One site's phones in order: pre-flight, credentials, a permit, the exchange. */
    private void dispatch(String site, List<Integer> indexes, XsiPush push) {
        for (int index : indexes) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            PhoneEntry phone = phones.get(index);
            long begun = clock.nanoTime();
            try {
                switch (plan.check(phone)) {
                    case Preflight.Verdict.Skip skip -> finish(index, result(phone, skip.outcome(), 0, begun));
                    case Preflight.Verdict.Send send -> {
                        Credentials c;
                        try {
                            c = credentials.apply(phone);
                        } catch (CredentialsException e) {
                            finish(index, result(phone, new PushOutcome.NotSent(OutcomeKind.NO_CREDENTIALS,
                                    e.getMessage()), 0, begun));
                            continue;
                        }
                        new Attempts(index, phone, site, send.push(), c, begun).next();
                    }
                }
            } catch (RuntimeException e) {
                // a failing credentials function or pre-flight must still leave this phone an outcome
                finish(index, result(phone, new PushOutcome.Internal("not completed: " + e), 0, begun));
            }
        }
    }

    /** One phone's attempts: each takes a permit, sends, and on its completion finishes or retries. */
    private final class Attempts {
        private final int index;
        private final PhoneEntry phone;
        private final String site;
        private final XsiPush push;
        private final Credentials credentials;
        private final long begun;
        private int attempt;
        private PushOutcome last;

        Attempts(int index, PhoneEntry phone, String site, XsiPush push, Credentials credentials, long begun) {
            this.index = index;
            this.phone = phone;
            this.site = site;
            this.push = push;
            this.credentials = credentials;
            this.begun = begun;
        }

        /** Waits for a permit (on the calling thread) and sends; the rest happens on the exchange's completion. */
        void next() {
            ConcurrencyLimiter.Permit permit;
            try {
                long wait = deadline - clock.nanoTime();
                permit = wait > 0 ? limiter.acquire(site, Duration.ofNanos(wait)) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                permit = null;
            }
            long sent = clock.nanoTime();
            if (permit != null && deadline - sent <= 0) {
                permit.release(ConcurrencyLimiter.Outcome.UNUSED, 0); // the slot came after the deadline
                permit = null;
            }
            if (permit == null) {
                finish(index, result(phone, last != null ? last : new PushOutcome.NotSent(OutcomeKind.DEADLINE_EXCEEDED,
                        "not sent: the " + config.deadline().toMillis()
                                + " ms deadline passed while waiting for a slot"), attempt, begun));
                return;
            }
            attempt++;
            tracker.started(attempt > 1);
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - sent));
            Duration timeout = Duration.ofMillis(Math.min(config.requestTimeout().toMillis(), left));
            ConcurrencyLimiter.Permit held = permit;
            try {
                sender.send(phone, credentials, push, timeout).whenComplete((outcome, failure) -> done(held, sent,
                        failure == null ? outcome : new PushOutcome.Internal("the exchange failed: " + failure)));
            } catch (RuntimeException e) {
                done(held, sent, new PushOutcome.Internal("the exchange failed: " + e));
            }
        }

        private void done(ConcurrencyLimiter.Permit permit, long sent, PushOutcome outcome) {
            tracker.stopped(); // before the slot is handed on, so in-flight never reads above the limit
            permit.release(FleetPush.signal(outcome), clock.nanoTime() - sent);
            last = outcome;
            long wait = config.retry().backoff(attempt).toNanos();
            if (!outcome.kind().transientFailure() || attempt >= config.retry().maxAttempts()
                    || clock.nanoTime() + wait >= deadline) {
                finish(index, result(phone, outcome, attempt, begun));
                return;
            }
            Thread.ofVirtual().name("fleet-retry").start(() -> {
                try {
                    clock.sleep(wait);
                    next();
                } catch (InterruptedException e) {
                    finish(index, result(phone, last, attempt, begun));
                }
            });
        }
    }

    private PhoneResult result(PhoneEntry phone, PushOutcome outcome, int attempts, long begun) {
        long now = clock.nanoTime();
        return new PhoneResult(phone, outcome, attempts, TimeUnit.NANOSECONDS.toMillis(now - begun),
                TimeUnit.NANOSECONDS.toMillis(now - start));
    }

    private void finish(int index, PhoneResult r) {
        if (results.compareAndSet(index, null, r)) {
            tracker.finished(r);
            remaining.countDown();
        }
    }

    long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - since);
    }

    long start() {
        return start;
    }
}
