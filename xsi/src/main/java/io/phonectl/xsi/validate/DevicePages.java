package io.phonectl.xsi.validate;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.action.Outgoing;
import io.phonectl.xsi.model.ComponentApi;
import io.phonectl.xsi.model.PhoneModel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Model questions about device-page GETs: screenshot support and path, port and stream page counts. */
final class DevicePages {

    private static final Pattern INDEXED = Pattern.compile("/(PortInformation|StreamingStatistics)X?\\?(\\d{1,9})");

    private DevicePages() {
    }

    static ValidationReport validate(Outgoing.HttpGet get, PhoneModel pm) {
        ValidationReport.Builder r = new ValidationReport.Builder();
        if (pm == null) {
            return r.build();
        }
        String path = get.path();
        if (path.equals("/CGI/Screenshot")) {
            XsiValidator.support(r, pm, "GET " + path, pm.support(ComponentApi.SCREENSHOT));
            if (pm.screenshotPath() != null && !pm.screenshotPath().equals(path)) {
                r.unsupported(new ValidationReport.Unsupported(pm.name(), "GET " + path,
                        "its screenshot is at " + pm.screenshotPath(), Sources.NOTES_SCREENSHOT));
            }
        }
        Matcher m = INDEXED.matcher(path);
        if (m.matches()) {
            boolean ports = m.group(1).equals("PortInformation");
            int count = ports ? pm.ports() : pm.streams();
            int n = Integer.parseInt(m.group(2));
            if (n > count) {
                r.unsupported(new ValidationReport.Unsupported(pm.name(), "GET " + path, "its " + m.group(1)
                        + " pages are 1-" + count, Sources.NOTES_DEVICE_PAGES));
            }
        }
        return r.build();
    }
}
