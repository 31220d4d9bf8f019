package io.phonectl.server.job;

import io.phonectl.server.http.ApiException;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a job's {@code siteConcurrency} counts devices by: their site, or the IPv4 /24 of their address (a WAN
 * link is often one branch subnet). The key is an SQL expression over {@code job_items}, the same on H2 and
 * PostgreSQL (both have {@code regexp_replace}), so the limit is counted in the database across replicas.
 * An address that is not dotted IPv4 (a name, IPv6) is a group of its own.
 */
enum PaceBy {
    SITE("site"),
    SUBNET("regexp_replace(address, '\\.[0-9]+(:[0-9]+)?$', '')");

    private final String sql;

    PaceBy(String sql) {
        this.sql = sql;
    }

    /** The grouping expression over a {@code job_items} row. */
    String sql() {
        return sql;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PaceBy parse(String s) {
        if (s == null) {
            return SITE;
        }
        return Arrays.stream(values()).filter(p -> p.id().equals(s)).findFirst().orElseThrow(() ->
                new ApiException.Invalid("options.paceBy", s, "site (the devices' site) or subnet (the IPv4 /24 of "
                        + "their address)"));
    }
}
