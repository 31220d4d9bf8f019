package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.FleetAction;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.XsiDocument;

import java.time.Duration;
import java.util.Optional;

/**
 * The one place where the job engine calls the client's XSI push and its pre-flight check: a document is prepared
 * once (encoded), checked per model against the model catalog, and sent. The client's push API is being reshaped
 * (one immutable push value, a pre-flight verdict); this class is the one edit that follows it.
 */
final class XsiPushPath {

    /** A document encoded once, sent as the same bytes to every device. */
    record Prepared(FleetAction action) {
    }

    private final XsiTransport transport;
    private final CatalogPreflight preflight = CatalogPreflight.standard();

    XsiPushPath(XsiTransport transport) {
        this.transport = transport;
    }

    Prepared prepare(String label, XsiDocument document) {
        return new Prepared(FleetAction.of(label, document));
    }

    /** Empty when the model may be sent the push; otherwise the catalog's reason (UNSUPPORTED or INVALID). */
    Optional<PushOutcome.NotSent> preflight(Prepared p, PhoneAddress phone, String model) {
        return preflight.check(entry(phone, model), p.action());
    }

    /** One exchange (repeated only when the client refused it before sending anything). */
    PushOutcome push(Prepared p, PhoneAddress phone, String model, Credentials credentials, Duration timeout) {
        XsiClient client = XsiClient.of(transport, phone, credentials)
                .withSizeProfile(preflight.sizeProfile(entry(phone, model)));
        try {
            return unsent(() -> client.pushAsync(p.action().xml(), timeout).join(), o -> o);
        } catch (XsiValidationException e) {
            return new PushOutcome.NotSent(OutcomeKind.INVALID, e.getMessage());
        }
    }

    /**
     * Runs an exchange again (at most {@value #UNSENT_TRIES} times) while it failed before anything was sent.
     * The client's transport drops a phone's connection pool 20 ms after its last use; a request queued to the pool
     * just as it is dropped is rejected by Jetty ("HttpDestination … is stopped") without a connection being made.
     * Nothing reached the phone, so it is not an outcome of the phone: sending again is safe. (Reported for the
     * client to fix where it happens; this recognises the client's wording of it.)
     */
    static <T> T unsent(java.util.function.Supplier<T> exchange, java.util.function.Function<T, PushOutcome> outcome) {
        T r = exchange.get();
        for (int i = 1; i < UNSENT_TRIES && rejectedBeforeSending(outcome.apply(r)); i++) {
            r = exchange.get();
        }
        return r;
    }

    static final int UNSENT_TRIES = 3;

    static boolean rejectedBeforeSending(PushOutcome o) {
        return o != null && !o.succeeded() && o.detail().contains("RejectedExecutionException")
                && o.detail().contains("is stopped");
    }

    private static PhoneEntry entry(PhoneAddress phone, String model) {
        return new PhoneEntry("job-item", phone, model, "", "");
    }
}
