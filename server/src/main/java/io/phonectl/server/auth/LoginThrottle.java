package io.phonectl.server.auth;

import io.phonectl.server.http.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failures within the window, per user name and per client address, logins
 * are refused with 429 and Retry-After; the wait starts at 1 s and doubles with every further failure up to the
 * configured maximum. Kept in memory (each replica throttles on its own; a guesser spread over replicas is still
 * bounded by replicas × limit). Bounded in size: old entries are dropped.
 */
final class LoginThrottle {

    static final int MAX_ENTRIES = 100_000;

    private record Entry(int failures, Instant first, Instant blockedUntil) {
    }

    private final SecurityConfig config;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LoginThrottle(SecurityConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Throws 429 when the name or the address must wait. */
    void check(String user, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(user), addressKey(address)}) {
            Entry e = entries.get(key);
            if (e != null && e.blockedUntil() != null && now.isBefore(e.blockedUntil())) {
                long wait = Math.max(1, Duration.between(now, e.blockedUntil()).toMillis() / 1000
                        + (Duration.between(now, e.blockedUntil()).toMillis() % 1000 == 0 ? 0 : 1));
                throw new ApiException.TooManyRequests("too many failed logins for this "
                        + (key.startsWith("u:") ? "user name" : "address"), wait);
            }
        }
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.entrySet().removeIf(e -> e.getValue().first().plus(config.window()).isBefore(now));
        }
        count(userKey(user), config.userFailures(), now);
        count(addressKey(address), config.addressFailures(), now);
    }

    void succeeded(String user) {
        entries.remove(userKey(user));
    }

    private void count(String key, int limit, Instant now) {
        entries.compute(key, (k, e) -> {
            if (e == null || e.first().plus(config.window()).isBefore(now)) {
                e = new Entry(0, now, null);
            }
            int failures = e.failures() + 1;
            Instant blocked = null;
            if (failures >= limit) {
                int doublings = Math.min(30, failures - limit);
                Duration wait = Duration.ofSeconds(1L << doublings);
                blocked = now.plus(wait.compareTo(config.maxLockout()) > 0 ? config.maxLockout() : wait);
            }
            return new Entry(failures, e.first(), blocked);
        });
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
