package io.phonectl.sim.phone;

/** The phone's one line, as far as XSI can see and drive it. */
public enum CallState {
    /** On hook, no call. */
    IDLE,
    /** Off hook (handset, speaker or headset), dial tone, no digits yet. */
    OFFHOOK,
    /** Digits entered, not yet placed. */
    DIALING,
    /** A call is up (the simulator's far end answers at once). */
    CONNECTED;

    public boolean active() {
        return this == CONNECTED;
    }
}
