package io.phonectl.xsi.object;

/**
 * One item of an Execute: a URL (HTTP) or internal URI and its Priority (0 immediately, 1 when idle, 2 only if
 * idle). Priority is kept for every item but only HTTP URLs honour it; internal URIs always run immediately.
 */
public record ExecuteItem(int priority, String url) {

    public static ExecuteItem of(String url) {
        return new ExecuteItem(0, url);
    }

    /** Credentials in the URL are never shown. */
    @Override
    public String toString() {
        return "ExecuteItem[priority=" + priority + ", url=" + Urls.redact(url) + "]";
    }
}
