package io.phonectl.server.console;

import io.phonectl.client.xsi.Screenshot;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.job.DeviceOperations;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the device page asked of the device itself on one request, through the job engine's one-device operations:
 * an action's outcome, a screenshot (shown as a data: URI, which the page's policy allows for images), or one of its
 * information pages flattened into rows. A device that fails is said on the page, never a 500.
 *
 * @param info the information page shown (null when none was asked for)
 */
public record DeviceLive(String action, DeviceOperations.ActionOutcome outcome, String screenshot, String info,
                         List<Row> rows, String error) {

    static final DeviceLive NONE = new DeviceLive(null, null, null, null, List.of(), null);

    /** One fact of an information page: a dotted path and its value. */
    public record Row(String key, String value) {
    }

    static DeviceLive read(DeviceOperations ops, Device d, boolean shot, String info, String n) {
        if (d.kind() != DeviceKind.XSI || (!shot && info == null)) {
            return NONE;
        }
        try {
            if (shot) {
                Screenshot s = ops.screenshot(d.id());
                String type = s.format().name().equalsIgnoreCase("bmp") ? "image/bmp" : "image/png";
                return new DeviceLive(null, null, "data:" + type + ";base64," + Base64.getEncoder()
                        .encodeToString(s.bytes()), null, List.of(), null);
            }
            String page = info.strip().toLowerCase(java.util.Locale.ROOT);
            if (!DevicePage.INFO_PAGES.contains(page)) {
                throw new ApiException.Invalid("info", info, "one of " + DevicePage.INFO_PAGES);
            }
            int index = n == null || n.isBlank() ? 1 : Integer.parseInt(n.strip());
            List<Row> rows = new ArrayList<>();
            flatten("", Json.mapper().valueToTree(ops.page(d.id(), page, index)), rows);
            return new DeviceLive(null, null, null, page, rows, null);
        } catch (ApiException | NumberFormatException e) {
            return new DeviceLive(null, null, null, info, List.of(), e.getMessage());
        }
    }

    static DeviceLive sent(String action, DeviceOperations.ActionOutcome o) {
        return new DeviceLive(action, o, null, null, List.of(), null);
    }

    static DeviceLive refused(String why) {
        return new DeviceLive(null, null, null, null, List.of(), why);
    }

    private static void flatten(String prefix, JsonNode node, List<Row> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + (i + 1) + "]", node.get(i), out);
            }
        } else {
            out.add(new Row(prefix, node.asString()));
        }
    }
}
