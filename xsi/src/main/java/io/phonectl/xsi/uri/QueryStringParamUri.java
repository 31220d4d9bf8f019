package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/** {@code QueryStringParam:<data>}: appends data to the URL of the object as a query string. */
public record QueryStringParamUri(String data) implements InternalUri {

    public QueryStringParamUri {
        UriRules.text("QueryStringParam data", data, "", Sources.CONTROL_SPEC);
    }

    @Override
    public String family() {
        return "QueryStringParam";
    }

    @Override
    public String format() {
        return "QueryStringParam:" + data;
    }
}
