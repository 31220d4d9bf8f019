package io.phonectl.sim.cucm;

import java.util.Objects;

/**
 * An application user of the simulated cluster. {@code axl} stands for the roles "Standard AXL API Access" and
 * "Standard CCM Admin Users", {@code ris} for "Standard RealtimeAndTraceCollection" (docs/cucm.md). The password is
 * never printed.
 */
public record CucmUser(String name, String password, boolean axl, boolean ris) {

    public CucmUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("user \"" + name + "\": must be non-empty without ':' (RFC 7617)");
        }
    }

    public static CucmUser both(String name, String password) {
        return new CucmUser(name, password, true, true);
    }

    @Override
    public String toString() {
        return "CucmUser[" + name + ", password=***, axl=" + axl + ", ris=" + ris + "]";
    }
}
