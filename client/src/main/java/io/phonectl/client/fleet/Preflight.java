package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.push.XsiPush;

/**
 * The check before anything is sent to a phone: may its model be sent this push, and in which wire form? The
 * answer comes from the model catalog (the only table of who supports what); a phone that fails it is reported
 * as {@code UNSUPPORTED} or {@code INVALID} with the catalog's reason and is not contacted.
 */
public interface Preflight {

    /** What {@code phone} is sent: the push in its model's wire form, or why nothing is. */
    Verdict check(PhoneEntry phone, XsiPush push);

    /** The checks of one push for a whole run; an implementation may decide once per model. */
    default Plan plan(XsiPush push) {
        return phone -> check(phone, push);
    }

    /** The checks of one push, asked once per phone (from many threads). */
    @FunctionalInterface
    interface Plan {
        Verdict check(PhoneEntry phone);
    }

    /** The outcome of a check. */
    sealed interface Verdict {
        /** Send this (the push itself, or its wire form for the phone's model). */
        record Send(XsiPush push) implements Verdict {
        }

        /** Do not contact the phone; this is its outcome. */
        record Skip(PushOutcome.NotSent outcome) implements Verdict {
        }
    }

    /** Sends every phone the push as built (when no catalog is wanted, e.g. phones of unknown model). */
    static Preflight none() {
        return (phone, push) -> new Verdict.Send(push);
    }
}
