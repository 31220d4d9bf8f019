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
import java.util.concurrent.CompletableFuture;

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

    /** One exchange; the future always completes normally. */
    CompletableFuture<PushOutcome> push(Prepared p, PhoneAddress phone, String model, Credentials credentials,
                                        Duration timeout) {
        XsiClient client = XsiClient.of(transport, phone, credentials)
                .withSizeProfile(preflight.sizeProfile(entry(phone, model)));
        try {
            return client.pushAsync(p.action().xml(), timeout);
        } catch (XsiValidationException e) {
            return CompletableFuture.completedFuture(new PushOutcome.NotSent(OutcomeKind.INVALID, e.getMessage()));
        }
    }

    private static PhoneEntry entry(PhoneAddress phone, String model) {
        return new PhoneEntry("job-item", phone, model, "", "");
    }
}
