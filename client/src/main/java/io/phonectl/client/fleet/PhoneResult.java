package io.phonectl.client.fleet;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.PushOutcome;

/** The definite outcome for one phone of a fleet push, with the attempts it took. */
public record PhoneResult(PhoneEntry phone, PushOutcome outcome, int attempts, long elapsedMillis) {
}
