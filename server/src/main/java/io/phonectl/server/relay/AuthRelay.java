package io.phonectl.server.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;

/**
 * Answers a phone's authentication question: the service's one-time credentials are checked here and answered
 * exactly {@code AUTHORIZED} (or {@code UN-AUTHORIZED}); anything else is passed unchanged to the upstream, within
 * the rate, and its answer passed back. Every decision is logged (user name, device name, address, result: never the
 * password) and counted.
 */
public final class AuthRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRelay.class);
    static final String TEXT = "text/plain; charset=ISO-8859-1";
    public static final String AUTHORIZED = "AUTHORIZED";
    static final String UNAUTHORIZED = "UN-AUTHORIZED";
    static final String ERROR = "ERROR";

    /** What to send back to the phone. */
    public record Answer(int status, String contentType, byte[] body) {
        static Answer text(int status, String s) {
            return new Answer(status, TEXT, s.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private final RelayConfig config;
    private final OneTimeCredentials oneTime;
    private final Upstream upstream;
    private final TokenBucket bucket;
    private final RelayMetrics metrics;
    private final RateLog rateLog;

    public AuthRelay(RelayConfig config, OneTimeCredentials oneTime, InstantSource clock, MeterRegistry meters) {
        this.config = config;
        this.oneTime = oneTime;
        this.upstream = config.upstream() == null ? null : new Upstream(config.upstream(), config.upstreamTimeout());
        this.bucket = new TokenBucket(config.ratePerSecond(), config.burst(), clock);
        this.metrics = new RelayMetrics(meters);
        this.rateLog = new RateLog(clock);
    }

    public RelayConfig config() {
        return config;
    }

    /** What this process's relay has answered since it started. */
    public RelayFigures figures() {
        return metrics.figures(upstream == null ? null : upstream.describe());
    }

    public OneTimeCredentials oneTime() {
        return oneTime;
    }

    public Answer answer(AuthRequest r) throws InterruptedException {
        if (OneTimeCredentials.ours(r.user())) {
            return switch (oneTime.check(r.user(), r.password(), r.deviceName())) {
                case OneTimeCredentials.Check.Authorized a -> {
                    metrics.request("onetime", "authorized");
                    LOG.debug("auth: one-time {} authorized (job {}, device {})", r.describe(), a.jobId(), a.deviceId());
                    yield Answer.text(200, AUTHORIZED);
                }
                case OneTimeCredentials.Check.Refused x -> {
                    metrics.request("onetime", "refused");
                    LOG.info("auth: one-time {} refused: {}", r.describe(), x.reason());
                    yield Answer.text(200, UNAUTHORIZED);
                }
            };
        }
        if (upstream == null) {
            metrics.request("relay", "error");
            LOG.info("auth: {} refused: no upstream authentication URL is configured", r.describe());
            return Answer.text(200, ERROR);
        }
        if (!bucket.tryTake()) {
            metrics.request("relay", "rate_limited");
            rateLog.limited(r);
            return new Answer(429, TEXT, ERROR.getBytes(StandardCharsets.ISO_8859_1));
        }
        Timer.Sample t = Timer.start();
        try {
            Upstream.Answer a = upstream.ask(r);
            long nanos = t.stop(metrics.upstream());
            metrics.request("relay", "relayed");
            LOG.info("auth: {} relayed to {}: {} {} in {} ms", r.describe(), upstream.describe(), a.status(),
                    a.body().length <= 16 ? '"' + new String(a.body(), StandardCharsets.ISO_8859_1).strip() + '"'
                            : a.body().length + " bytes", nanos / 1_000_000);
            return new Answer(a.status(), a.contentType(), a.body());
        } catch (Upstream.Failure f) {
            t.stop(metrics.upstream());
            metrics.request("relay", "error");
            metrics.failure(f.reason());
            LOG.warn("auth: {} not relayed to {}: {}", r.describe(), upstream.describe(), f.getMessage());
            return Answer.text(502, ERROR);
        }
    }

    @Override
    public void close() {
        if (upstream != null) {
            upstream.close();
        }
    }

    /** Requests beyond the rate are logged once a second with their count, so a flood cannot flood the log too. */
    private static final class RateLog {
        private final InstantSource clock;
        private long second = Long.MIN_VALUE;
        private int count;

        RateLog(InstantSource clock) {
            this.clock = clock;
        }

        synchronized void limited(AuthRequest r) {
            long now = clock.instant().getEpochSecond();
            if (now != second) {
                if (count > 1) {
                    LOG.warn("auth: {} more requests over the relay's rate in second {}", count - 1, second);
                }
                second = now;
                count = 0;
                LOG.warn("auth: {} refused: over the relay's rate", r.describe());
            }
            count++;
        }
    }
}
