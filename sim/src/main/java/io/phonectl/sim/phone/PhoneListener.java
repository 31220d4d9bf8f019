package io.phonectl.sim.phone;

/**
 * Told about call events of a phone, on the thread that caused them and while it holds the phone's lock:
 * implementations must not block (hand slow work to another thread).
 */
public interface PhoneListener {

    /** A call was placed or answered. */
    default void callStarted(SimPhone phone) {
    }

    /** The user went on hook (the call, if any, ended). */
    default void hungUp(SimPhone phone) {
    }

    /** The screen stack changed (pushed, popped, replaced); {@code top} is the new top screen. */
    default void stackChanged(SimPhone phone, Screen top) {
    }

    /** The phone is about to return to its boot state: release what it holds (sockets), tell no one. */
    default void resetting(SimPhone phone) {
    }

    /** Tells several listeners, in order. */
    static PhoneListener all(PhoneListener... listeners) {
        return new PhoneListener() {
            @Override
            public void callStarted(SimPhone phone) {
                for (PhoneListener l : listeners) {
                    l.callStarted(phone);
                }
            }

            @Override
            public void hungUp(SimPhone phone) {
                for (PhoneListener l : listeners) {
                    l.hungUp(phone);
                }
            }

            @Override
            public void resetting(SimPhone phone) {
                for (PhoneListener l : listeners) {
                    l.resetting(phone);
                }
            }

            @Override
            public void stackChanged(SimPhone phone, Screen top) {
                for (PhoneListener l : listeners) {
                    l.stackChanged(phone, top);
                }
            }
        };
    }

    PhoneListener NONE = new PhoneListener() {
    };
}
