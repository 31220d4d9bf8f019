package io.phonectl.sim.phone;

import java.time.Instant;

/** One line of a phone's history: an executed URI or object with its result, or a notification sent. */
public record PhoneEvent(Instant at, String what, int status, String data) {
}
