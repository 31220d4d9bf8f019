package io.phonectl.sim.phone;

/**
 * Told about call events of a phone, on the thread that caused them and while it holds the phone's lock:
 * implementations must not block (hand slow work to another thread).
 */
public interface PhoneListener {

    /** A call was placed or answered. */
    void callStarted(SimPhone phone);

    /** The user went on hook (the call, if any, ended). */
    void hungUp(SimPhone phone);

    PhoneListener NONE = new PhoneListener() {
        @Override
        public void callStarted(SimPhone phone) {
        }

        @Override
        public void hungUp(SimPhone phone) {
        }
    };
}
