package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.fleet.CatalogPreflight;
import io.phonectl.client.fleet.Preflight;
import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;

/**
 * The one place where the job engine calls the client's XSI push and its pre-flight check: a document is built
 * into one {@link XsiPush} (encoded and size-checked once), a {@link Preflight.Plan} decides once per model whether
 * it may be sent and in which wire form (the catalog's key spellings), and the verdict's push is sent.
 */
final class XsiPushPath {

    /** A push built once, with its per-model plan: every device of a model gets the same verdict. */
    record Prepared(XsiPush push, Preflight.Plan plan) {
    }

    private final XsiTransport transport;
    private final CatalogPreflight checked = CatalogPreflight.standard();
    private final CatalogPreflight unchecked = CatalogPreflight.wireFormOnly();

    XsiPushPath(XsiTransport transport) {
        this.transport = transport;
    }

    /**
     * Builds the push once. With {@code preflight} the model catalog may refuse a model (UNSUPPORTED, INVALID);
     * without it every model is sent the push, still in its model's wire form.
     */
    Prepared prepare(String label, XsiDocument document, boolean preflight) {
        XsiPush push = XsiPush.of(label, document);
        return new Prepared(push, (preflight ? checked : unchecked).plan(push));
    }

    /** The verdict for one device: send this push (the model's wire form), or skip with the catalog's reason. */
    Preflight.Verdict verdict(Prepared p, PhoneAddress phone, String model) {
        return p.plan().check(new PhoneEntry("job-item", phone, model, "", ""));
    }

    /** One exchange. */
    PushOutcome push(XsiPush push, PhoneAddress phone, Credentials credentials, boolean digest, Duration timeout) {
        XsiClient client = XsiClient.of(transport, phone, credentials, digest);
        try {
            return client.pushAsync(push, timeout).join();
        } catch (XsiValidationException e) {
            return new PushOutcome.NotSent(OutcomeKind.INVALID, e.getMessage());
        }
    }
}
