package io.phonectl.client.inventory;

import io.phonectl.client.xsi.PhoneAddress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One phone of an inventory. {@code user} overrides the user of the credentials source; {@code credentials}
 * is a reference for {@link io.phonectl.client.credentials.CredentialResolver} (never a password).
 * {@code model} and {@code user} may be empty. {@code details} holds the columns CUCM discovery adds
 * ({@link #DETAILS}: dn, description, devicepool, status), empty when the inventory has none.
 */
public record PhoneEntry(String name, PhoneAddress address, String model, String user, String credentials,
                         Map<String, String> details) {

    /** The detail columns an inventory may carry, in the order discovery writes them. */
    public static final List<String> DETAILS = List.of("dn", "description", "devicepool", "status");

    public PhoneEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        model = model == null ? "" : model.strip();
        user = user == null ? "" : user.strip();
        credentials = credentials == null ? "" : credentials.strip();
        Map<String, String> d = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                if (!DETAILS.contains(k)) {
                    throw new IllegalArgumentException("detail \"" + k + "\": one of " + DETAILS);
                }
                if (v != null && !v.isBlank()) {
                    d.put(k, v.strip());
                }
            });
        }
        details = java.util.Collections.unmodifiableMap(d);
    }

    public PhoneEntry(String name, PhoneAddress address, String model, String user, String credentials) {
        this(name, address, model, user, credentials, Map.of());
    }

    /** A detail column's value, or "" when absent. */
    public String detail(String column) {
        return details.getOrDefault(column, "");
    }

    /** The value of a field by its column name (name, address, model, user, credentials or a detail), for filters. */
    public String field(String column) {
        return switch (column) {
            case "name" -> name;
            case "address" -> address.toString();
            case "host" -> address.host();
            case "model" -> model;
            case "user" -> user;
            case "credentials" -> credentials;
            case "dn", "description", "devicepool", "status" -> detail(column);
            default -> throw new IllegalArgumentException("unknown inventory field \"" + column
                    + "\": expected name, address, host, model, user, credentials, dn, description, devicepool or status");
        };
    }
}
