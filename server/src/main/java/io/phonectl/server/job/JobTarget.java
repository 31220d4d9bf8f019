package io.phonectl.server.job;

import io.phonectl.server.http.ApiException;

import java.util.List;

/**
 * Which devices a job goes to, resolved once when it is created: every device, a selector (the inventory's
 * {@code --where} language), listed device ids, or the members of groups. Exactly one member is given.
 */
public record JobTarget(Boolean all, String selector, List<Long> devices, List<Long> groups) {

    public static final int MAX_LISTED = 10_000;
    public static final int MAX_GROUPS = 100;

    /** Checks that exactly one kind of target is given and its size is within the limits. */
    public JobTarget checked() {
        int given = (Boolean.TRUE.equals(all) ? 1 : 0) + (selector != null ? 1 : 0) + (devices != null ? 1 : 0)
                + (groups != null ? 1 : 0);
        if (given != 1 || Boolean.FALSE.equals(all)) {
            throw new ApiException.Invalid("target", describe(), "exactly one of all (true), selector, devices, groups");
        }
        if (devices != null) {
            size("target.devices", devices.size(), MAX_LISTED);
            devices.forEach(id -> positive("target.devices", id));
        }
        if (groups != null) {
            size("target.groups", groups.size(), MAX_GROUPS);
            groups.forEach(id -> positive("target.groups", id));
        }
        return this;
    }

    private static void size(String field, int n, int max) {
        if (n < 1 || n > max) {
            throw new ApiException.Invalid(field, n + " ids", "1.." + max + " ids");
        }
    }

    private static void positive(String field, Long id) {
        if (id == null || id < 1) {
            throw new ApiException.Invalid(field, id, "positive integer ids");
        }
    }

    private String describe() {
        return "all=" + all + ", selector=" + (selector != null) + ", devices=" + (devices != null)
                + ", groups=" + (groups != null);
    }
}
