package io.phonectl.client.cucm;

import io.phonectl.cucm.ris.StatusReasons;

/**
 * One configured phone with what RisPort knows of it now.
 *
 * @param model        CUCM's product name ("Cisco 8845")
 * @param catalogModel the model catalog's name ("CP-8845"), or "" when the catalog has none
 * @param status       Registered, UnRegistered, Rejected, PartiallyRegistered, Unknown, or {@link #NOT_FOUND}
 * @param ip           the address of the latest entry, or "" when RisPort has none
 * @param node         the CM node of the latest entry
 * @param timeStamp    of the latest entry, epoch seconds (0 when none)
 * @param httpd        Yes, No or Unknown: whether the phone's web server (needed by XSI pushes) is on
 */
public record DiscoveredPhone(String name, String uuid, String description, String model, String catalogModel,
                              String devicePool, String dn, String protocol, String status, int statusReason, String ip,
                              String node, long timeStamp, String httpd, String activeLoad) {

    /** RisPort knows nothing of the phone: it has not tried to register since the CM nodes started. */
    public static final String NOT_FOUND = "NotFound";

    /** "KeepAliveTimeout (13)", or "" for a registered phone. */
    public String reason() {
        return NOT_FOUND.equals(status) ? "not seen by any CM node" : StatusReasons.describe(status, statusReason);
    }

    public boolean registered() {
        return "Registered".equals(status);
    }
}
