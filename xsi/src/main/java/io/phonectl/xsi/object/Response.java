package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.List;

/**
 * CiscoIPPhoneResponse: one item per executed ExecuteItem. Data is not limited to the XSD's 32 characters here
 * because the 8821 PRT status ("Generated PRT at https://…") is longer on real phones.
 */
public record Response(List<ResponseItem> items) implements XsiObject {

    public Response {
        items = Common.list(items);
        Checks c = new Checks();
        for (int i = 0; i < items.size(); i++) {
            c.range("ResponseItem[" + i + "].Status", items.get(i).status(), 0, Short.MAX_VALUE, Sources.XSD);
        }
        c.throwIfAny();
    }

    public static Response of(ResponseItem... items) {
        return new Response(List.of(items));
    }

    /** True when every item reports Status 0. */
    public boolean allSucceeded() {
        return items.stream().allMatch(ResponseItem::success);
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneResponse";
    }
}
