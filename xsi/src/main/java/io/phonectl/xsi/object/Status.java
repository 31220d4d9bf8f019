package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * CiscoIPPhoneStatus (push only; cleared with {@code Init:AppStatus}): text of at most 32 characters, an
 * optional timer in seconds and an optional inline image of at most 106 x 21.
 */
public record Status(String text, Integer timer, Integer locationX, Integer locationY, Bitmap bitmap)
        implements XsiObject {

    public Status {
        Checks c = new Checks();
        c.maxLength("Text", text, Limits.STATUS_TEXT, Sources.NOTES_OBJECTS);
        c.range("Timer", timer, 0, Integer.MAX_VALUE, Sources.XSD);
        Common.location(c, locationX, locationY);
        if (bitmap != null) {
            bitmap.check(c, "", Limits.STATUS_WIDTH, Limits.STATUS_HEIGHT, Integer.MAX_VALUE, Sources.NOTES_OBJECTS);
        }
        c.throwIfAny();
    }

    public static Status of(String text, Integer timer) {
        return new Status(text, timer, null, null, null);
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneStatus";
    }
}
