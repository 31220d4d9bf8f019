package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/** CiscoIPPhoneStatusFile (push only): status text with a PNG fetched from {@code url}. */
public record StatusFile(String text, Integer timer, Integer locationX, Integer locationY, String url)
        implements XsiObject {

    public StatusFile {
        Checks c = new Checks();
        c.maxLength("Text", text, Limits.STATUS_TEXT, Sources.NOTES_OBJECTS);
        c.range("Timer", timer, 0, Integer.MAX_VALUE, Sources.XSD);
        Common.location(c, locationX, locationY);
        c.required("URL", url, Sources.XSD);
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneStatusFile";
    }
}
