package io.phonectl.xsi.component;

/** The five errorResponse types of the RTP Streaming API error schema, with the documented Data text. */
public enum ErrorType {
    INVALID_XML("InvalidXML", "<parser error description>"),
    UNAVAILABLE_RESOURCE("UnavailableResource", "No Media Resource Available"),
    INVALID_RESOURCE_ID("InvalidResourceID", "Unknown Media Stream ID: "),
    INVALID_URL("InvalidURL", ""),
    INVALID_RESOURCE("InvalidResource", "");

    private final String xml;
    private final String documentedData;

    ErrorType(String xml, String documentedData) {
        this.xml = xml;
        this.documentedData = documentedData;
    }

    public String xml() {
        return xml;
    }

    /** The Data text of the error table (a prefix for INVALID_RESOURCE_ID; a placeholder for INVALID_XML). */
    public String documentedData() {
        return documentedData;
    }

    public static ErrorType fromXml(String s) {
        for (ErrorType t : values()) {
            if (t.xml.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
