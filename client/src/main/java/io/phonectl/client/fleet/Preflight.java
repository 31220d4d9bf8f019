package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.SizeProfile;

import java.util.Optional;

/**
 * The check before anything is sent to a phone: does its model support what would be sent? The answer
 * comes from the model catalog (the only table of who supports what); a phone that fails it is reported
 * as {@code UNSUPPORTED} with the catalog's reason and is not contacted.
 */
public interface Preflight {

    /** Empty when the phone may be sent the action; otherwise why not. */
    Optional<PushOutcome.NotSent> check(PhoneEntry phone, FleetAction action);

    /** The POST size limit of the phone's firmware generation. */
    default SizeProfile sizeProfile(PhoneEntry phone) {
        return SizeProfile.POST_40KB;
    }

    /** Sends to every phone (when no catalog is wanted, e.g. phones of unknown model). */
    static Preflight none() {
        return (phone, action) -> Optional.empty();
    }
}
