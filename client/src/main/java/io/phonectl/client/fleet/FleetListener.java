package io.phonectl.client.fleet;

/**
 * Observes a fleet push. Calls are serialised (never concurrent) but come from the push's worker threads:
 * keep them short. The default does nothing.
 */
public interface FleetListener {

    FleetListener NONE = new FleetListener() {
    };

    /** After each phone's definite outcome. */
    default void onResult(PhoneResult result, FleetProgress progress) {
    }
}
