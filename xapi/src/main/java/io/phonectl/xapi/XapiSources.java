package io.phonectl.xapi;

/** Where an xAPI rule comes from: the names used in every violation's source. One list, used everywhere. */
public final class XapiSources {

    private XapiSources() {
    }

    public static final String WEBSOCKET_GUIDE = "xAPI over WebSocket guide (seeds/004)";
    public static final String PHONEOS_NOTES = "PhoneOS xAPI release notes (seeds/002)";
    public static final String JSON_RPC = "JSON-RPC 2.0 (seeds/004, notes §2.2)";
    public static final String NOTES_TERMINAL = "xAPI notes §2.5 (terminal mode)";
    public static final String NOTES_TERMINAL_JSON = "xAPI notes §2.6 (terminal JSON)";
    public static final String NOTES_FEEDBACK = "xAPI notes §2.3 (feedback)";
    public static final String SCHEMA = "device schema";
}
