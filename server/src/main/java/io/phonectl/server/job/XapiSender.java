package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xapi.XapiClientConfig;
import io.phonectl.client.xapi.XapiClientException;
import io.phonectl.client.xapi.XapiHttpClient;
import io.phonectl.client.xapi.XapiTransport;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.server.http.Json;
import io.phonectl.xapi.XapiRpcException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.LongFunction;

/**
 * Runs an xAPI command or configuration change on one RoomOS or PhoneOS device over its HTTP API (putxml), which
 * both families have. Port 443 means HTTPS with the certificate verified; any other port plain HTTP (simulators,
 * lab devices). Answers map onto the client's outcome kinds: a refused connection or a timeout is transient, a
 * 401 is AUTH_FAILED, an error the device reports is PHONE_ERROR with its reason. When the service holds a live
 * WebSocket to the device, the command goes over it instead (same outcomes; the detail says "live").
 */
final class XapiSender implements ItemDispatch.ItemSender {

    private final JobAction action;
    private final InstantSource clock;
    private final LongFunction<XapiTransport> live;

    /** @param live the device's live connection, or null when there is none (may itself be null) */
    XapiSender(JobAction action, InstantSource clock, LongFunction<XapiTransport> live) {
        this.action = action;
        this.clock = clock;
        this.live = live;
    }

    @Override
    public boolean needsCredentials() {
        return true;
    }

    /** One exchange's result: the outcome kind, detail, and the device's answer when it succeeded. */
    private record Exchange(OutcomeKind kind, String detail, JsonNode answer) {
    }

    @Override
    public ItemOutcome send(ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts) {
        XapiTransport link = link(live, item);
        return switch (action) {
            case JobAction.XapiCommand cmd -> run(address, credentials, link, attempts, clock,
                    "xCommand " + cmd.path().words() + ": OK", x -> x.command(cmd.path(), cmd.args(), cmd.body()));
            case JobAction.XapiConfig cfg -> run(address, credentials, link, attempts, clock,
                    "x" + cfg.path().words() + ": " + cfg.value(), x -> {
                        x.set(cfg.path(), cfg.value());
                        return null;
                    });
            default -> throw new IllegalStateException("not an xAPI action: " + action.id());
        };
    }

    /** The device's live connection, when the service holds one. */
    static XapiTransport link(LongFunction<XapiTransport> live, ClaimedItem item) {
        return live == null || item.deviceId() == null ? null : live.apply(item.deviceId());
    }

    /**
     * Runs {@code call} with the attempts (transient failures repeated), over the live connection when there is one
     * and otherwise over a new HTTP client, and maps the result onto an item's outcome: EXECUTED with {@code detail}
     * and the answer as {@code result}, or the failure's kind and reason.
     */
    static ItemOutcome run(PhoneAddress address, Credentials credentials, XapiTransport link, Attempts attempts,
                           InstantSource clock, String detail, KindItem.XapiCall call) {
        URI base = URI.create((address.port() == 443 ? "https" : "http") + "://" + address);
        Attempts.Result<Exchange> r = attempts.run(timeout -> link != null ? exchange(link, detail + " (live)", call)
                        : once(base, credentials, timeout, detail, call),
                Exchange::kind);
        if (r.last() == null) {
            return ItemOutcome.deadlineExceeded(clock.instant());
        }
        Exchange e = r.last();
        ObjectNode data = null;
        if (e.answer() != null) {
            data = Json.mapper().createObjectNode();
            data.set("result", e.answer());
        }
        return new ItemOutcome(e.kind().name(), e.kind().success(), e.detail(), data, r.attempts(), r.elapsedMillis(),
                r.startedAt(), clock.instant(), PushSender.reachable(e.kind()), null);
    }

    private static Exchange once(URI base, Credentials c, Duration timeout, String detail, KindItem.XapiCall call) {
        try (XapiHttpClient http = new XapiHttpClient(base, c.user(), c.password(), XapiClientConfig.Tls.VERIFY, null,
                timeout)) {
            return exchange(http, detail, call);
        }
    }

    private static Exchange exchange(XapiTransport x, String detail, KindItem.XapiCall call) {
        try {
            return new Exchange(OutcomeKind.EXECUTED, detail, call.run(x));
        } catch (XapiRpcException e) {
            return new Exchange(OutcomeKind.PHONE_ERROR, e.getMessage(), null);
        } catch (XapiClientException.Timeout e) {
            return new Exchange(OutcomeKind.TIMED_OUT, e.getMessage(), null);
        } catch (XapiClientException.Connect e) {
            OutcomeKind kind = switch (e.httpStatus()) {
                case 0 -> OutcomeKind.REFUSED;
                case 401, 403 -> OutcomeKind.AUTH_FAILED;
                default -> OutcomeKind.MALFORMED;
            };
            return new Exchange(kind, e.getMessage(), null);
        } catch (XapiClientException e) {
            return new Exchange(OutcomeKind.MALFORMED, e.getMessage(), null);
        }
    }
}
