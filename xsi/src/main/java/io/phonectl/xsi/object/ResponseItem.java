package io.phonectl.xsi.object;

/** One result of a CiscoIPPhoneResponse: the echoed URL, Data and Status (attributes in order URL, Data, Status). */
public record ResponseItem(String url, String data, int status) {

    public static ResponseItem of(String url, ResponseStatus s) {
        return new ResponseItem(url, s.data(), s.status());
    }

    /** True for Status 0, the only outcome clients may treat as accepted (asynchronous URIs report 0 early). */
    public boolean success() {
        return status == 0;
    }

    /** The documented meaning of this item, or null when Status/Data is not in the table. */
    public ResponseStatus known() {
        return ResponseStatus.find(status, data);
    }
}
