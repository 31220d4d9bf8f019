package io.phonectl.xsi.model;

/** APIs beside the XSI display objects and URIs whose availability depends on the model. */
public enum ComponentApi {
    /** startMedia/stopMedia (seeds/000). */
    RTP_STREAMING,
    /** App URIs and the application event handlers (seeds/000). */
    APP_MANAGEMENT,
    /** appId, onAppFocusLost, onAppFocusGained, onAppMinimized, onAppClosed (seeds/000 note 2). */
    APP_EVENT_HANDLERS,
    /** setBackground object (reference notes §2.9). */
    SET_BACKGROUND,
    /** setRingTone object (reference notes §2.9). */
    SET_RING_TONE,
    /** getDeviceCaps query. */
    GET_DEVICE_CAPS,
    /** GET /CGI/Screenshot (format and path per model). */
    SCREENSHOT,
    /** CiscoIPPhoneResponse / CiscoIPPhoneError answers to /CGI/Execute. */
    EXECUTE_RESPONSE;

    /** The feature key in models.txt, e.g. "api:RTP_STREAMING". */
    public String feature() {
        return "api:" + name();
    }
}
