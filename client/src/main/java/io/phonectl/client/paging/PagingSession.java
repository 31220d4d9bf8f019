package io.phonectl.client.paging;

import io.phonectl.client.credentials.CredentialResolver;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.credentials.CredentialsException;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.inventory.Inventory;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.media.g711.G711;
import io.phonectl.media.rtp.RtpSender;
import io.phonectl.xsi.model.ModelCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One page to a selection of phones: tell each phone to receive, stream the audio in real time, tell every phone
 * that may be receiving to stop, report per phone. {@link #run()} blocks until all of that is done, including after
 * {@link #cancel()}: a cancelled page still stops every phone before {@code run} returns, so a shutdown hook calls
 * {@code cancel()} then {@link #awaitFinished}. Threading: {@code run} once, from one thread; {@code cancel} from any.
 * Phones are talked to from virtual threads, at most {@code concurrency} at once; audio goes out from the
 * {@link RtpSender}'s single tick thread, one stream per unicast phone or one multicast stream.
 */
public final class PagingSession {
    /** Audio that takes longer than this past its length to send means the sender is stuck: stop waiting. */
    static final Duration STREAM_SLACK = Duration.ofSeconds(10);
    static final long PROGRESS_EVERY_MILLIS = 200;

    private final XsiTransport transport;
    private final Inventory phones;
    private final byte[] audio;
    private final PagingConfig config;
    private final Function<PhoneEntry, Credentials> credentials;
    private final Preflight preflight;
    private final ModelCatalog catalog;
    private final PagingListener listener;
    private final AtomicBoolean used = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile PagingPhases phases;

    private PagingSession(Builder b) {
        this.transport = Objects.requireNonNull(b.transport, "transport");
        this.phones = Objects.requireNonNull(b.phones, "phones");
        this.audio = Objects.requireNonNull(b.audio, "audio");
        this.config = b.config;
        this.credentials = b.credentials;
        this.preflight = b.preflight;
        this.catalog = b.catalog;
        this.listener = b.listener;
        if (audio.length == 0) {
            throw new IllegalArgumentException("audio is empty: nothing to page");
        }
    }

    public static Builder builder(XsiTransport transport) {
        return new Builder(transport);
    }

    /** Seconds of audio a page sends: whole 20 ms frames of the file, times the loops. */
    public double secondsTotal() {
        long samples = (long) audio.length * config.loops();
        long frames = (samples + G711.SAMPLES_PER_FRAME - 1) / G711.SAMPLES_PER_FRAME;
        return frames * (G711.SAMPLES_PER_FRAME / (double) G711.SAMPLE_RATE);
    }

    /** Runs the page; returns when every phone that may be receiving has been told to stop. */
    public PagingReport run() {
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("a paging session runs once");
        }
        long started = System.nanoTime();
        List<PhonePage> pages = plan();
        // the sender starts only when there is audio to send: a tick thread idling through a long start phase on a
        // busy machine falls behind its drift-free schedule and would open every stream with a catch-up burst
        PagingPhases p = new PagingPhases(pages, config, audio, secondsTotal(),
                () -> RtpSender.start(new RtpSender.Config(config.multicastTtl(), config.multicastInterface(), 0xB8, null)),
                this::client, preflight, listener, () -> cancelled);
        phases = p;
        try {
            p.start();
            if (!cancelled) {
                p.stream(STREAM_SLACK, PROGRESS_EVERY_MILLIS);
            }
            p.stopStreams();
            p.stop();
        } finally {
            p.progress(PagingProgress.Phase.DONE);
            finished.countDown();
        }
        List<PagingResult> results = new ArrayList<>(pages.size());
        pages.forEach(page -> results.add(page.result()));
        return new PagingReport(results, secondsTotal(), cancelled, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Ends the page early: no further phone is told to receive, streams end, phones are told to stop. Idempotent. */
    public void cancel() {
        cancelled = true;
        PagingPhases p = phases;
        if (p != null) {
            p.stopStreams();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Waits until {@link #run()} has returned (or never started and never will: then false after the wait). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Chooses each phone's API and, for unicast, its port: phones sharing a host get consecutive even ports. */
    private List<PhonePage> plan() {
        Map<String, Integer> perHost = new HashMap<>();
        List<PhonePage> pages = new ArrayList<>(phones.size());
        for (PhoneEntry phone : phones.phones()) {
            PagingApi api = PhonePage.choose(catalog.find(phone.model()), config.api());
            int port = config.multicast()
                    ? config.multicastGroup().getPort()
                    : config.basePort() + 2 * perHost.merge(phone.address().host(), 1, Integer::sum) - 2;
            pages.add(new PhonePage(phone, api, port));
        }
        return pages;
    }

    private XsiClient client(PhoneEntry phone) throws CredentialsException {
        return XsiClient.of(transport, phone.address(), credentials.apply(phone));
    }

    public static final class Builder {
        private final XsiTransport transport;
        private Inventory phones;
        private byte[] audio;
        private PagingConfig config = PagingConfig.builder().build();
        private Function<PhoneEntry, Credentials> credentials;
        private Preflight preflight = CatalogPreflight.standard();
        private ModelCatalog catalog = ModelCatalog.standard();
        private PagingListener listener = PagingListener.NONE;

        private Builder(XsiTransport transport) {
            this.transport = transport;
            CredentialResolver env = CredentialResolver.fromSystemEnvironment();
            this.credentials = p -> env.resolve(p.credentials(), p.user());
        }

        public Builder phones(Inventory selection) {
            this.phones = selection;
            return this;
        }

        /** G.711 µ-law at 8 kHz (e.g. {@code WavReader.read(file).toG711(G711.MU_LAW)}): what both APIs play. */
        public Builder muLawAudio(byte[] encoded) {
            this.audio = encoded.clone();
            return this;
        }

        public Builder config(PagingConfig c) {
            this.config = Objects.requireNonNull(c, "config");
            return this;
        }

        public Builder credentials(Function<PhoneEntry, Credentials> perPhone) {
            this.credentials = Objects.requireNonNull(perPhone, "perPhone");
            return this;
        }

        public Builder credentials(CredentialResolver resolver) {
            Objects.requireNonNull(resolver, "resolver");
            this.credentials = p -> resolver.resolve(p.credentials(), p.user());
            return this;
        }

        public Builder preflight(Preflight p) {
            this.preflight = Objects.requireNonNull(p, "preflight");
            return this;
        }

        public Builder catalog(ModelCatalog c) {
            this.catalog = Objects.requireNonNull(c, "catalog");
            return this;
        }

        public Builder listener(PagingListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        public PagingSession build() {
            return new PagingSession(this);
        }
    }
}
