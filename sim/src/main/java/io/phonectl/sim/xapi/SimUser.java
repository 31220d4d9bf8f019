package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import java.util.Objects;

/** One local account on a simulated device. The password never appears in {@link #toString()}. */
public record SimUser(String username, String password, Role role) {
    public SimUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new XapiSimConfigException("users.username", username,
                    "must be non-empty and contain no ':' (Basic credentials are user:password, RFC 7617)");
        }
    }

    @Override
    public String toString() {
        return "SimUser[" + username + ", role=" + role + ", password=***]";
    }
}
