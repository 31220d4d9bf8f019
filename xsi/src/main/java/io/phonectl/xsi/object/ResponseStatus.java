package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * The documented ResponseItem Status/Data pairs, in one table (control spec feedbacks; notes §2.2). Several
 * share Status 6; Data tells them apart. The RTP busy/unauthorized rows are an inference of notes §2.2.
 */
public enum ResponseStatus {
    SUCCESS(0, "Success", Sources.CONTROL_SPEC),
    GENERATING_PRT(0, "Generating PRT", Sources.CONTROL_SPEC),
    INVALID_URI(1, "Invalid URI", Sources.CONTROL_SPEC),
    RTP_ALREADY_ACTIVE(1, "Tx/Rx is already active", Sources.NOTES_RESPONSE),
    RTP_UNAUTHORIZED(4, "unauthorized", Sources.NOTES_RESPONSE),
    URI_NOT_FOUND(6, "URI not found", Sources.CONTROL_SPEC),
    NO_ACTIVE_CALL(6, "No Active Call", Sources.CONTROL_SPEC),
    NO_ACTIVE_CALL_FOR_APPLICATION(6, "No Active Call for Application", Sources.CONTROL_SPEC),
    UNKNOWN_APPLICATION_ID(6, "Unknown Application ID", Sources.CONTROL_SPEC),
    APPLICATION_NOT_ACTIVE(6, "Application is not Active", Sources.CONTROL_SPEC),
    FAILURE(6, "<Failure>", Sources.CONTROL_SPEC),
    PENDING_PRT(6, "There is pending PRT", Sources.CONTROL_SPEC),
    NO_PENDING_PRT(6, "There is no pending PRT invoked from XSI", Sources.CONTROL_SPEC);

    private final int status;
    private final String data;
    private final String source;

    ResponseStatus(int status, String data, String source) {
        this.status = status;
        this.data = data;
        this.source = source;
    }

    public int status() {
        return status;
    }

    public String data() {
        return data;
    }

    public String source() {
        return source;
    }

    /** The documented row for this pair, or null (e.g. "Generated PRT at …" carries a URL in Data). */
    public static ResponseStatus find(int status, String data) {
        for (ResponseStatus s : values()) {
            if (s.status == status && s.data.equals(data)) {
                return s;
            }
        }
        return null;
    }
}
