package io.phonectl.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Users, sessions and login throttling.
 *
 * @param adminPassword     the first admin's password when set ({@code PHONECTL_ADMIN_PASSWORD}); null = generate
 *                          a one-time password and print it once. Either way it must be changed at first login.
 * @param bcryptCost        BCrypt work factor, 4..16 (default {@value #DEFAULT_COST}; tests use 4)
 * @param sessionIdle       a console session ends after this long unused (default 2 h)
 * @param sessionMax        and after this long in any case (default 12 h)
 * @param userFailures      failed logins per user name within {@code window} before it is throttled (default 5)
 * @param addressFailures   failed logins per client address within {@code window} before it is throttled (default 20)
 * @param window            how long a failure counts (default 15 min)
 * @param maxLockout        the longest a throttled name or address waits (default 15 min); the wait doubles from 1 s
 */
public record SecurityConfig(String adminPassword, int bcryptCost, Duration sessionIdle, Duration sessionMax,
                             int userFailures, int addressFailures, Duration window, Duration maxLockout) {

    public static final int DEFAULT_COST = 10;

    public SecurityConfig {
        if (bcryptCost < 4 || bcryptCost > 16) {
            throw new IllegalArgumentException("bcryptCost = " + bcryptCost + ": must be 4..16");
        }
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(sessionMax, "sessionMax");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(maxLockout, "maxLockout");
        if (userFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("userFailures and addressFailures must be at least 1");
        }
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(null, DEFAULT_COST, Duration.ofHours(2), Duration.ofHours(12), 5, 20,
                Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    public SecurityConfig withAdminPassword(String password) {
        return new SecurityConfig(password, bcryptCost, sessionIdle, sessionMax, userFailures, addressFailures, window,
                maxLockout);
    }

    public SecurityConfig withBcryptCost(int cost) {
        return new SecurityConfig(adminPassword, cost, sessionIdle, sessionMax, userFailures, addressFailures, window,
                maxLockout);
    }

    @Override
    public String toString() {
        return "SecurityConfig[adminPassword=" + (adminPassword == null ? "generated" : "***") + ", bcryptCost="
                + bcryptCost + ", sessionIdle=" + sessionIdle + ", sessionMax=" + sessionMax + ", userFailures="
                + userFailures + ", addressFailures=" + addressFailures + ", window=" + window + ", maxLockout="
                + maxLockout + "]";
    }
}
