package io.phonectl.client.fleet;

import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Pushes one {@link XsiPush} to many phones. Every phone gets exactly one definite {@link PhoneResult} by the
 * deadline: phones the pre-flight check rules out (default: {@link CatalogPreflight#standard()}) are reported,
 * not sent; the others are sent the push in their model's wire form, the same bytes for every phone of a model;
 * as many phones are talked to at once as the {@link ConcurrencyLimiter} allows (by default an adaptive limit per
 * {@link Sites site}; {@link FleetConfig#concurrency()} above 0 fixes it), each over one connection at a time;
 * transient failures (refused, timed out) are retried with backoff while the deadline allows, nothing else is.
 * Deadlines, backoff and elapsed times run on a {@link FleetClock}; each result says when, from the start of the
 * run, it was final ({@link PhoneResult#atMillis()}, the report's time to N). One virtual thread per site takes the
 * phones in order; an exchange has no thread of its own ({@link FleetRun}). {@link #run} blocks until the report is
 * complete and prints nothing.
 */
public final class FleetPush {

    /** Time after the deadline the run allows itself to collect outcomes already decided. */
    static final Duration GRACE = Duration.ofMillis(250);

    /**
     * One exchange with one phone; the future always completes normally, and within the timeout it is given (the
     * transport's exchanges have a deadline of their own): a phone whose exchange never ended would hold its permit.
     */
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
        return new Builder((phone, c, push, timeout) -> XsiClient.of(transport, phone.address(), c,
                XsiClient.digestModel(phone.model())).pushAsync(push, timeout));
    }

    /** A push over any exchange (tests: phones that answer at once, on a clock that does not wait). */
    static Builder builder(Sender sender) {
        return new Builder(sender);
    }

    public FleetReport run(Inventory phones, XsiPush push) {
        FleetRun run = new FleetRun(sender, credentials, config, clock, limiter, listener, phones.phones(),
                preflight.plan(push));
        List<PhoneResult> results = run.run(site, push);
        return new FleetReport(push.label(), results, Duration.ofMillis(run.elapsedMs(run.start())));
    }

    /** What an exchange tells the limiter: an answer's latency is a sample of the load; no answer is none. */
    static ConcurrencyLimiter.Outcome signal(PushOutcome outcome) {
        if (outcome == null) {
            return ConcurrencyLimiter.Outcome.UNUSED;
        }
        return ConcurrencyLimiter.Outcome.of(outcome.kind());
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
