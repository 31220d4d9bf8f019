package io.phonectl.client.cucm;

import java.time.Duration;

/** What a discovery reports while it runs; called on the discovery's thread. Every method defaults to nothing. */
public interface DiscoveryListener {

    DiscoveryListener NONE = new DiscoveryListener() { };

    /** A phase starts: "AXL phones", "AXL lines", "RisPort", "AXL changes"… with its size when known (else -1). */
    default void phase(String name, int total) {
    }

    /** Progress within the current phase. */
    default void progress(int done, int total) {
    }

    /** The next request waits this long, and why (RisPort's rate limit). */
    default void waiting(Duration wait, String why) {
    }
}
