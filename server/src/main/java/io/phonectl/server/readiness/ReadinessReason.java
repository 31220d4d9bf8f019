package io.phonectl.server.readiness;

/**
 * Why a device is not ready: the fixed reason codes of a readiness audit, in the order the checks run (the first
 * failing check is the reason). The one table of these codes; the API and docs list them from here.
 */
public enum ReadinessReason {
    /** Nothing answered at the device's address (refused, no route, timed out). */
    UNREACHABLE("nothing answers at the device's address"),
    /** Something answered, but not the device's web server with its information page. */
    NO_WEB_SERVER("the device's web server does not answer its information page"),
    /** The device has no credential set in the registry. */
    NO_CREDENTIALS("the device has no credential set"),
    /** The device refused the registry's credentials. */
    CREDENTIALS_REFUSED("the device refuses the registry's credentials"),
    /** The model catalog says the model cannot show the chosen notification (or the model is unknown). */
    MODEL_UNSUPPORTED("the model cannot show the chosen notification"),
    /** Every media resource is in use (a phone's RTP streams, a room device's calls). */
    MEDIA_BUSY("its media resources are in use"),
    /** An xAPI device that is not registered (SIP registration or PhoneOS line registration). */
    NOT_SIGNED_IN("the device is not signed in (registered)");

    private final String meaning;

    ReadinessReason(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
