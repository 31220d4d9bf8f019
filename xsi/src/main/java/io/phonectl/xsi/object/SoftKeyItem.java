package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * A custom softkey. Written in XSD order Name, Position, URL, URLDown. {@code urlDown} (the press event) may only
 * be an internal URI. Position 1..16, or -1 for the Applications/Settings key.
 */
public record SoftKeyItem(String name, int position, String url, String urlDown) {

    public static SoftKeyItem of(String name, int position, String url) {
        return new SoftKeyItem(name, position, url, null);
    }

    void check(Checks c, String path) {
        c.required(path + ".Name", name, Sources.XSD);
        c.maxLength(path + ".Name", name, Limits.SOFTKEY_NAME, Sources.XSD);
        if (position != Limits.SOFTKEY_POSITION_APPS && (position < 1 || position > Limits.SOFTKEY_POSITION_MAX)) {
            c.add(path + ".Position", position, "must be 1.." + Limits.SOFTKEY_POSITION_MAX + " or -1",
                    Sources.NOTES_OBJECTS);
        }
        if (Urls.isHttp(urlDown)) {
            c.add(path + ".URLDown", Urls.redact(urlDown), "must be an internal URI, not an HTTP(S) URL", Sources.CONTROL_SPEC);
        }
    }

    /** Credentials in the URLs are never shown. */
    @Override
    public String toString() {
        return "SoftKeyItem[name=" + name + ", position=" + position + ", url=" + Urls.redact(url) + ", urlDown="
                + Urls.redact(urlDown) + "]";
    }
}
