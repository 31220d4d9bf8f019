package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;

/**
 * {@code <getDeviceCapsResponse><physical><modelNumber/><display …/></physical><services sdkVersion="…">
 * <browser>…</browser></services></getDeviceCapsResponse>}. The spec elides the browser content, so it is kept
 * as text (null when absent).
 */
public record GetDeviceCapsResponse(String modelNumber, DisplayCaps display, String sdkVersion, String browser)
        implements ComponentMessage {

    public GetDeviceCapsResponse {
        Checks c = new Checks();
        c.required("physical.modelNumber", modelNumber, Sources.CONTROL_SPEC);
        if (display != null) {
            c.range("display.width", display.width(), 1, Short.MAX_VALUE, Sources.CONTROL_SPEC);
            c.range("display.height", display.height(), 1, Short.MAX_VALUE, Sources.CONTROL_SPEC);
            c.range("display.bitDepth", display.bitDepth(), 1, 32, Sources.CONTROL_SPEC);
        }
        c.throwIfAny();
    }

    @Override
    public String rootElement() {
        return "getDeviceCapsResponse";
    }
}
