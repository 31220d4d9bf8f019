package io.phonectl.client.inventory;

import io.phonectl.client.xsi.PhoneAddress;

import java.util.Objects;

/**
 * One phone of an inventory. {@code user} overrides the user of the credentials source; {@code credentials}
 * is a reference for {@link io.phonectl.client.credentials.CredentialResolver} (never a password).
 * {@code model} and {@code user} may be empty.
 */
public record PhoneEntry(String name, PhoneAddress address, String model, String user, String credentials) {

    public PhoneEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        model = model == null ? "" : model.strip();
        user = user == null ? "" : user.strip();
        credentials = credentials == null ? "" : credentials.strip();
    }

    /** The value of a field by its column name (name, address, model, user, credentials), for filters. */
    public String field(String column) {
        return switch (column) {
            case "name" -> name;
            case "address" -> address.toString();
            case "host" -> address.host();
            case "model" -> model;
            case "user" -> user;
            case "credentials" -> credentials;
            default -> throw new IllegalArgumentException("unknown inventory field \"" + column
                    + "\": expected name, address, host, model, user or credentials");
        };
    }
}
