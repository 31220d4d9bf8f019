package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/** One input field: label, the query-string parameter it fills, a default and its flags. */
public record InputItem(String displayName, String queryStringParam, String defaultValue, InputFlags inputFlags) {

    public static InputItem of(String displayName, String param, String flags) {
        return new InputItem(displayName, param, null, new InputFlags(flags));
    }

    void check(Checks c, String path) {
        c.required(path + ".QueryStringParam", queryStringParam, Sources.XSD);
        c.maxLength(path + ".DisplayName", displayName, Limits.TITLE, Sources.XSD);
        if (inputFlags == null) {
            c.add(path + ".InputFlags", null, "is required", Sources.XSD);
        } else {
            inputFlags.check(c, path + ".InputFlags");
        }
    }
}
