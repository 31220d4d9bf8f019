package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.ArrayList;
import java.util.List;

/**
 * CiscoIPPhoneExecute: 1..3 items, at most one of them an HTTP(S) URL. The order of execution is not
 * guaranteed by the phone. Model-specific URI support (e.g. no SoftKey or Notify in Execute) is checked by the
 * action catalog, not here.
 */
public record Execute(List<ExecuteItem> items) implements XsiObject {

    public Execute {
        items = Common.list(items);
        Checks c = new Checks();
        if (items.isEmpty()) {
            c.add("ExecuteItem", "0 items", "at least 1 item", Sources.XSD);
        }
        c.maxCount("ExecuteItem", items, Limits.EXECUTE_ITEMS, Sources.CONTROL_SPEC);
        long http = items.stream().filter(i -> Urls.isHttp(i.url())).count();
        if (http > Limits.EXECUTE_HTTP_ITEMS) {
            c.add("ExecuteItem", http + " HTTP URLs", "at most one HTTP(S) URL per Execute", Sources.CONTROL_SPEC);
        }
        for (int i = 0; i < items.size(); i++) {
            ExecuteItem it = items.get(i);
            c.required("ExecuteItem[" + i + "].URL", it.url(), Sources.XSD);
            if (it.url() != null && it.url().length() > Limits.EXECUTE_URL) {
                c.add("ExecuteItem[" + i + "].URL", Urls.redact(it.url()), "at most " + Limits.EXECUTE_URL
                        + " characters, got " + it.url().length(), Sources.XSD);
            }
            c.range("ExecuteItem[" + i + "].Priority", it.priority(), 0, Limits.PRIORITY_MAX, Sources.CONTROL_SPEC);
        }
        c.throwIfAny();
    }

    public static Execute of(String... urls) {
        List<ExecuteItem> l = new ArrayList<>();
        for (String u : urls) {
            l.add(ExecuteItem.of(u));
        }
        return new Execute(l);
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneExecute";
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<ExecuteItem> items = new ArrayList<>();

        public Builder item(String url) { items.add(ExecuteItem.of(url)); return this; }
        public Builder item(int priority, String url) { items.add(new ExecuteItem(priority, url)); return this; }
        public Execute build() { return new Execute(items); }
    }
}
