package io.phonectl.sim;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A listening socket of the fleet could not be opened: which one ({@link Role}, and the phone's index), on which
 * address, and the operating system's reason, so a command line can name the option that chose the address.
 */
public final class BindFailure extends IOException {

    /** Whose socket it was. */
    public enum Role { PHONE, INSPECTION }

    private final Role role;
    private final int phone;
    private final InetSocketAddress address;

    BindFailure(Role role, int phone, InetSocketAddress address, Throwable cause) {
        super("cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort()
                + (role == Role.PHONE ? " (phone " + phone + ")" : " (inspection API)") + ": " + reason(cause), cause);
        this.role = role;
        this.phone = phone;
        this.address = address;
    }

    public Role role() {
        return role;
    }

    /** The phone's index (0-based) for {@link Role#PHONE}; -1 otherwise. */
    public int phone() {
        return phone;
    }

    public InetSocketAddress address() {
        return address;
    }

    private static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
