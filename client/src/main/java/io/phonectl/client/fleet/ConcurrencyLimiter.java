package io.phonectl.client.fleet;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * How many exchanges run at once: per site (phones behind one link, see {@link Sites}) and over all sites. Take a
 * {@link Permit} before an exchange and release it after, saying how it ended and how long it took; an adaptive
 * limiter learns each site's limit from those answers ({@link GradientLimit}: a median-latency gradient with slow
 * start, between {@link LimiterConfig#min()} and {@link LimiterConfig#siteCeiling()}), a fixed one never changes.
 *
 * <p>Stragglers: an exchange that has run for more than twice the latency a site is allowed (a dead phone waiting for
 * its connect timeout, a phone that answers late) stops counting against the site's limit; it still holds its slot
 * of the global ceiling (it is still a socket), and a site has at most its ceiling of them. It costs the path nothing
 * while it waits, so the phones that do answer are not held up by those that cannot: without this a tenth of dead
 * phones took a large share of the limit for the length of the connect timeout.
 *
 * <p>Waiters are served first come, first served within a site, and sites take turns, so a saturated site does not
 * hold back the others. One limiter may serve many runs at once (the service's jobs): sites are learnt across them.
 * Thread-safe. Acquiring blocks (virtual threads park); limits and counts may be read at any time.
 */
public final class ConcurrencyLimiter {

    /** How an exchange ended, as far as the limit is concerned. */
    public enum Outcome {
        /** The device answered (any answer, an error too): its latency is a sample of the load on the path. */
        ANSWERED,
        /** No answer (connect or answer timeout, refused, unreachable): says nothing about load; frees the slot. */
        NO_ANSWER,
        /** The permit was not used (the deadline passed, the run stopped). */
        UNUSED;

        /**
         * What an exchange that ended in {@code kind} tells the limit: the device answered (any answer, an error
         * too); no answer (refused, unreachable, timed out, or phonectl's own failure); or nothing was sent.
         */
        public static Outcome of(io.phonectl.client.xsi.OutcomeKind kind) {
            return switch (kind) {
                case REFUSED, UNREACHABLE, TIMED_OUT, INTERNAL_ERROR -> NO_ANSWER;
                case UNSUPPORTED, INVALID, NO_CREDENTIALS, DEADLINE_EXCEEDED -> UNUSED;
                default -> ANSWERED;
            };
        }
    }

    /** The right to one exchange at one site; release it exactly once. */
    public final class Permit {
        private final Site site;
        private final long granted;
        private boolean released;
        private boolean straggler;

        private Permit(Site site, long granted) {
            this.site = site;
            this.granted = granted;
        }

        public String site() {
            return site.key;
        }

        /** Gives the slot back; {@code latencyNanos} counts only for {@link Outcome#ANSWERED}. */
        public void release(Outcome outcome, long latencyNanos) {
            Objects.requireNonNull(outcome, "outcome");
            lock.lock();
            try {
                if (released) {
                    throw new IllegalStateException("permit of site " + site.key + " released twice");
                }
                free(this);
                if (outcome == Outcome.ANSWERED && site.limit != null) {
                    site.limit.sample(latencyNanos, site.young.size(), nanoTime.getAsLong());
                }
                dispatch();
                if (site.inFlight() == 0 && site.waiters.isEmpty() && sites.size() > MAX_IDLE_SITES) {
                    sites.remove(site.key);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sites remembered while idle; beyond this an idle site is forgotten (and starts again at the initial limit). */
    static final int MAX_IDLE_SITES = 4096;
    private static final String ONE_SITE = "*";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Site> sites = new HashMap<>();
    /** Sites with waiters, in turn. */
    private final ArrayDeque<Site> turns = new ArrayDeque<>();
    private final LimiterConfig config;
    private final int fixed;
    private final LongSupplier nanoTime;
    private int total;

    private ConcurrencyLimiter(LimiterConfig config, int fixed, LongSupplier nanoTime) {
        this.config = config;
        this.fixed = fixed;
        this.nanoTime = nanoTime;
    }

    /** A limit learnt per site from latency, within the config's bounds. */
    public static ConcurrencyLimiter adaptive(LimiterConfig config) {
        return adaptive(config, System::nanoTime);
    }

    /** As {@link #adaptive(LimiterConfig)}, with the clock that ages permits (tests). */
    static ConcurrencyLimiter adaptive(LimiterConfig config, LongSupplier nanoTime) {
        return new ConcurrencyLimiter(Objects.requireNonNull(config, "config"), 0, nanoTime);
    }

    public static ConcurrencyLimiter adaptive() {
        return adaptive(LimiterConfig.DEFAULTS);
    }

    /** At most {@code limit} exchanges at once over everything, whatever the site ({@code --concurrency N}). */
    public static ConcurrencyLimiter fixed(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit = " + limit + ": must be at least 1");
        }
        return new ConcurrencyLimiter(new LimiterConfig(1, 1, limit, limit, 1.0), limit, System::nanoTime);
    }

    public boolean adaptiveLimit() {
        return fixed == 0;
    }

    /**
     * A permit for an exchange at {@code site}, waiting at most {@code maxWait}; null when none came in time.
     *
     * @throws InterruptedException when interrupted while waiting (no permit is held then)
     */
    public Permit acquire(String site, Duration maxWait) throws InterruptedException {
        long nanos = maxWait.toNanos();
        lock.lock();
        try {
            Site s = site(site);
            if (s.waiters.isEmpty() && room(s)) {
                return grant(s);
            }
            Waiter w = new Waiter(lock.newCondition());
            s.waiters.addLast(w);
            if (!s.inTurns) {
                s.inTurns = true;
                turns.addLast(s);
            }
            try {
                while (w.permit == null) {
                    if (nanos <= 0) {
                        s.waiters.remove(w);
                        return null;
                    }
                    nanos = w.ready.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                s.waiters.remove(w);
                if (w.permit != null) {
                    free(w.permit);
                    dispatch();
                }
                throw e;
            }
            return w.permit;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A permit for an exchange at {@code site} if one is free now (and no one of the site waits for one), else null
     * at once: for a caller that has other work to hand out meanwhile (the service's job runs, whose queue holds
     * items of many sites).
     */
    public Permit tryAcquire(String site) {
        lock.lock();
        try {
            Site s = site(site);
            return s.waiters.isEmpty() && room(s) ? grant(s) : null;
        } finally {
            lock.unlock();
        }
    }

    /** The limit now: a fixed limiter's, or the sum of the sites' limits within the global ceiling. */
    public int limit() {
        lock.lock();
        try {
            if (fixed > 0) {
                return fixed;
            }
            long sum = 0;
            for (Site s : sites.values()) {
                sum += s.limit.current();
            }
            return (int) Math.min(config.globalCeiling(), sum == 0 ? config.initial() : sum);
        } finally {
            lock.unlock();
        }
    }

    /** One site's limit now (the initial one for a site not seen yet). */
    public int limit(String site) {
        lock.lock();
        try {
            Site s = sites.get(fixed > 0 ? ONE_SITE : site);
            return fixed > 0 ? fixed : s == null ? config.initial() : s.limit.current();
        } finally {
            lock.unlock();
        }
    }

    /** Permits held now, stragglers included. */
    public int inFlight() {
        lock.lock();
        try {
            return total;
        } finally {
            lock.unlock();
        }
    }

    /** Permits held now that no longer count against their site's limit. */
    public int stragglers() {
        return sum(s -> s.stragglers);
    }

    /** Callers waiting for a permit now. */
    public int waiting() {
        return sum(s -> s.waiters.size());
    }

    private int sum(java.util.function.ToIntFunction<Site> count) {
        lock.lock();
        try {
            int n = 0;
            for (Site s : sites.values()) {
                n += count.applyAsInt(s);
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    private Site site(String key) {
        String k = fixed > 0 ? ONE_SITE : Objects.requireNonNull(key, "site");
        return sites.computeIfAbsent(k, x -> new Site(x, fixed > 0 ? null : new GradientLimit(config)));
    }

    private boolean room(Site s) {
        if (total >= config.globalCeiling()) {
            return false;
        }
        if (s.limit == null) {
            return s.young.size() < fixed;
        }
        demoteStragglers(s);
        return s.young.size() < s.limit.current() && s.stragglers < config.siteCeiling();
    }

    /** Moves the permits that have run too long for this site out of its count (oldest first). */
    private void demoteStragglers(Site s) {
        long after = s.limit.stragglerNanos();
        if (after == Long.MAX_VALUE || s.young.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        Iterator<Permit> oldest = s.young.iterator();
        while (oldest.hasNext()) {
            Permit p = oldest.next();
            if (now - p.granted < after) {
                return;
            }
            oldest.remove();
            p.straggler = true;
            s.stragglers++;
        }
    }

    private Permit grant(Site s) {
        Permit p = new Permit(s, nanoTime.getAsLong());
        s.young.add(p);
        total++;
        if (s.limit != null) {
            s.limit.granted(s.young.size());
        }
        return p;
    }

    private void free(Permit p) {
        p.released = true;
        if (p.straggler) {
            p.site.stragglers--;
        } else {
            p.site.young.remove(p);
        }
        total--;
    }

    /** Hands free slots to waiters, site by site in turn, until no waiting site has room. */
    private void dispatch() {
        int idle = 0;
        while (!turns.isEmpty() && idle < turns.size() && total < config.globalCeiling()) {
            Site s = turns.pollFirst();
            s.inTurns = false;
            if (s.waiters.isEmpty()) {
                continue;
            }
            if (room(s)) {
                Waiter w = s.waiters.pollFirst();
                w.permit = grant(s);
                w.ready.signal();
                idle = 0;
            } else {
                idle++;
            }
            if (!s.waiters.isEmpty()) {
                s.inTurns = true;
                turns.addLast(s);
            }
        }
    }

    private static final class Site {
        final String key;
        final GradientLimit limit;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
        /** Permits that count against the limit, oldest first. */
        final LinkedHashSet<Permit> young = new LinkedHashSet<>();
        int stragglers;
        boolean inTurns;

        Site(String key, GradientLimit limit) {
            this.key = key;
            this.limit = limit;
        }

        int inFlight() {
            return young.size() + stragglers;
        }
    }

    private static final class Waiter {
        final Condition ready;
        Permit permit;

        Waiter(Condition ready) {
            this.ready = ready;
        }
    }
}
