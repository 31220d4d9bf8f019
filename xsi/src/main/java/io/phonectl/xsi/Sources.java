package io.phonectl.xsi;

/** Where a rule comes from: the names used in every {@link Violation#source()}. One list, used everywhere. */
public final class Sources {
    private Sources() {
    }

    public static final String CONTROL_SPEC = "control spec (seeds/001)";
    public static final String COMPONENT_APIS = "component APIs (seeds/000)";
    public static final String RTP_STREAMING_API = "RTP Streaming API (seeds/000)";
    public static final String APP_MANAGEMENT_API = "Application Management API (seeds/000)";
    public static final String SUPPORT_TABLE = "component API support table (seeds/000)";
    public static final String XSD = "CiscoIPPhone XSD v3.3.4 (reference notes §2.4)";
    public static final String NOTES_EXECUTE = "reference notes §2.1 (Execute rules)";
    public static final String NOTES_RESPONSE = "reference notes §2.2 (Execute responses)";
    public static final String NOTES_AUTH = "reference notes §2.3 (authentication)";
    public static final String NOTES_OBJECTS = "reference notes §2.4 (display objects)";
    public static final String NOTES_DEVICE_PAGES = "reference notes §2.5 (device pages)";
    public static final String NOTES_SCREENSHOT = "reference notes §2.6 (screenshot)";
    public static final String NOTES_RTP = "reference notes §2.7 (RTP)";
    public static final String NOTES_NOTIFY = "reference notes §2.8 (Notify and application events)";
    public static final String NOTES_BACKGROUND = "reference notes §2.9 (background and ring tone)";
    public static final String NOTES_KEYS = "reference notes §2.10 (keys and per-model URI support)";
}
