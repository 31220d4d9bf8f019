package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/**
 * {@code App:<action>:<priority>:<idleTimer>:<applicationId>} (Application Management API). Priority 0-2,
 * idle timer 10-86400 s (phone default 60), applicationId 1-64 characters without ':'. Absent parameters are
 * null; inside a CiscoIPPhoneExecute the applicationId is mandatory (see {@code ExecuteRules} in the model package).
 */
public record AppUri(Action action, Integer priority, Integer idleTimer, String applicationId) implements InternalUri {

    public static final int MIN_IDLE = 10;
    public static final int MAX_IDLE = 86_400;

    public enum Action { RequestFocus, ReleaseFocus, Minimize, Close }

    public AppUri {
        Enums.require("App action", action);
        UriRules.range("App priority", priority, 0, 2, Sources.APP_MANAGEMENT_API);
        UriRules.range("App idleTimer", idleTimer, MIN_IDLE, MAX_IDLE, Sources.APP_MANAGEMENT_API);
        UriRules.applicationId("App applicationId", applicationId);
    }

    public static AppUri of(Action action, int priority, int idleTimer, String applicationId) {
        return new AppUri(action, priority, idleTimer, applicationId);
    }

    @Override
    public String family() {
        return "App";
    }

    @Override
    public String feature() {
        return "App:" + action;
    }

    @Override
    public String format() {
        return UriRules.appendOptional(new StringBuilder("App:").append(action), priority, idleTimer, applicationId)
                .toString();
    }

    static AppUri parse(String[] p) {
        if (p.length > 5 || p.length < 2) {
            throw UriRules.fail("App", String.join(":", p), "syntax is App:action:priority:idleTimer:applicationId",
                    Sources.APP_MANAGEMENT_API);
        }
        return new AppUri(Enums.parse("App action", p[1], Action.class),
                UriRules.optionalInteger("App priority", p.length > 2 ? p[2] : null, 0, 2, Sources.APP_MANAGEMENT_API),
                UriRules.optionalInteger("App idleTimer", p.length > 3 ? p[3] : null, MIN_IDLE, MAX_IDLE,
                        Sources.APP_MANAGEMENT_API),
                p.length > 4 && !p[4].isEmpty() ? p[4] : null);
    }
}
