package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmValidationException;
import io.phonectl.cucm.xml.XmlWriter;

/** {@code getPhone} by name or by uuid (exactly one), as listChange reports removed and added phones by uuid. */
public record GetPhone(String name, String uuid) implements AxlRequest {

    public GetPhone {
        if ((name == null) == (uuid == null)) {
            throw new CucmValidationException("getPhone", name == null ? "neither" : "both",
                    "give exactly one of name and uuid", "AXL schema, getPhone");
        }
    }

    public static GetPhone byName(String name) {
        return new GetPhone(name, null);
    }

    public static GetPhone byUuid(String uuid) {
        return new GetPhone(null, uuid);
    }

    @Override
    public String operation() {
        return "getPhone";
    }

    @Override
    public void writeBody(XmlWriter w) {
        if (name != null) {
            w.element("name", name);
        } else {
            w.element("uuid", uuid);
        }
    }
}
