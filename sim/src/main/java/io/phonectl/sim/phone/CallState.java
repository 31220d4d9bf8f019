package io.phonectl.sim.phone;

/** The phone's one line, as far as XSI can see and drive it. */
public enum CallState {
    /** On hook, no call. */
    IDLE,
    /** Off hook (handset, speaker or headset), dial tone, no digits yet. */
    OFFHOOK,
    /** Digits entered, not yet placed. */
    DIALING,
    /** An incoming call is ringing (the inspection API's {@code ring} action). */
    RINGING,
    /** A call is up (the simulator's far end answers at once). */
    CONNECTED,
    /** The call is on hold (Hold, or FixedFeature3 where that is the hold key). */
    HELD;

    /** A call exists (connected or on hold): Tx is refused, digits go to it. */
    public boolean active() {
        return this == CONNECTED || this == HELD;
    }
}
