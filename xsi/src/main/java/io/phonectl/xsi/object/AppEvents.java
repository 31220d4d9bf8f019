package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.Locale;

/**
 * The Application Management API event-handler attributes shared by every display object (XSD: attributes of
 * the root element). Each handler holds one or more URIs separated by {@code ;}. All fields may be null.
 */
public record AppEvents(String appId, String onAppFocusLost, String onAppFocusGained, String onAppMinimized,
                        String onAppClosed) {

    public static final AppEvents NONE = new AppEvents(null, null, null, null, null);

    /** Attribute names in the order they are written. */
    public static final java.util.List<String> ATTRIBUTES =
            java.util.List.of("appId", "onAppFocusLost", "onAppFocusGained", "onAppMinimized", "onAppClosed");

    public static AppEvents of(String appId) {
        return new AppEvents(appId, null, null, null, null);
    }

    public AppEvents withFocusLost(String v) {
        return new AppEvents(appId, v, onAppFocusGained, onAppMinimized, onAppClosed);
    }

    public AppEvents withFocusGained(String v) {
        return new AppEvents(appId, onAppFocusLost, v, onAppMinimized, onAppClosed);
    }

    public AppEvents withMinimized(String v) {
        return new AppEvents(appId, onAppFocusLost, onAppFocusGained, v, onAppClosed);
    }

    public AppEvents withClosed(String v) {
        return new AppEvents(appId, onAppFocusLost, onAppFocusGained, onAppMinimized, v);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Value by attribute name (one of {@link #ATTRIBUTES}). */
    public String value(String attribute) {
        return switch (attribute) {
            case "appId" -> appId;
            case "onAppFocusLost" -> onAppFocusLost;
            case "onAppFocusGained" -> onAppFocusGained;
            case "onAppMinimized" -> onAppMinimized;
            case "onAppClosed" -> onAppClosed;
            default -> throw new IllegalArgumentException(attribute);
        };
    }

    /** Returns a copy with one attribute set by name. */
    public AppEvents with(String attribute, String v) {
        return switch (attribute) {
            case "appId" -> new AppEvents(v, onAppFocusLost, onAppFocusGained, onAppMinimized, onAppClosed);
            case "onAppFocusLost" -> withFocusLost(v);
            case "onAppFocusGained" -> withFocusGained(v);
            case "onAppMinimized" -> withMinimized(v);
            case "onAppClosed" -> withClosed(v);
            default -> throw new IllegalArgumentException(attribute);
        };
    }

    void check(Checks c) {
        if (appId != null) {
            c.maxLength("appId", appId, Limits.APP_ID, Sources.CONTROL_SPEC);
            if (appId.isEmpty() || appId.contains(":")) {
                c.add("appId", appId, "1.." + Limits.APP_ID + " characters without ':'", Sources.CONTROL_SPEC);
            }
        }
        for (String attr : ATTRIBUTES.subList(1, ATTRIBUTES.size())) {
            for (String uri : Urls.handlerUris(value(attr))) {
                if (attr.equals("onAppClosed") && Urls.isHttp(uri)) {
                    c.add(attr, Urls.redact(uri), "onAppClosed may not contain HTTP or HTTPS URLs", Sources.CONTROL_SPEC);
                }
                String lower = uri.toLowerCase(Locale.ROOT);
                if (lower.startsWith("app:") && uri.split(":", -1).length > 2 && uri.split(":", -1)[2].equals("0")) {
                    c.add(attr, Urls.redact(uri), "App URI priority 0 is not allowed in an event handler", Sources.NOTES_OBJECTS);
                }
            }
        }
    }

    /** Notify credentials are never shown. */
    @Override
    public String toString() {
        return "AppEvents[appId=" + appId + ", onAppFocusLost=" + Urls.redact(onAppFocusLost) + ", onAppFocusGained="
                + Urls.redact(onAppFocusGained) + ", onAppMinimized=" + Urls.redact(onAppMinimized) + ", onAppClosed="
                + Urls.redact(onAppClosed) + "]";
    }
}
