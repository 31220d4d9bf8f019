package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmValidationException;
import io.phonectl.cucm.xml.XmlWriter;

import java.util.List;

/**
 * {@code listChange}: the change notifications since {@code startChangeId} of queue {@code queueId} (both absent on a
 * client's first call), for the listed object types (AXL developer guide, "Data Change Notification").
 */
public record ListChange(Long startChangeId, String queueId, List<String> objects) implements AxlRequest {

    public ListChange {
        objects = List.copyOf(objects);
        if ((startChangeId == null) != (queueId == null)) {
            throw new CucmValidationException("startChangeId", startChangeId,
                    "startChangeId and queueId go together (the first call has neither)",
                    "AXL developer guide, listChange");
        }
        if (startChangeId != null && startChangeId < 1) {
            throw new CucmValidationException("startChangeId", startChangeId, "must be >= 1",
                    "AXL developer guide, listChange");
        }
    }

    public static ListChange first(List<String> objects) {
        return new ListChange(null, null, objects);
    }

    @Override
    public String operation() {
        return "listChange";
    }

    @Override
    public void writeBody(XmlWriter w) {
        if (startChangeId != null) {
            w.open("startChangeId", "queueId", queueId).text(Long.toString(startChangeId)).close("startChangeId");
        }
        if (!objects.isEmpty()) {
            w.open("objectList");
            objects.forEach(o -> w.element("object", o));
            w.close("objectList");
        }
    }
}
