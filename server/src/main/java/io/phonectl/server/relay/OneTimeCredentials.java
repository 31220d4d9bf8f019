package io.phonectl.server.relay;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.server.job.ItemCredentials;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * Credentials made for one job and one device. The user names both ({@code phonectl-otp-JOB-DEVICE}); the password
 * is an HMAC-SHA256, under a key the service made once and every replica shares, of job, device and the device's
 * name. So nothing is stored per item, any replica can check them, and they are good only for that device (the
 * phone sends its own name as {@code devicename}) and only while the job is queued or running (the job's state is
 * read at most once a second per job).
 */
public final class OneTimeCredentials implements ItemCredentials {

    public static final String PREFIX = "phonectl-otp-";
    /** How long a job's state is believed: a finished job's credentials stop working within this. */
    static final Duration STATE_TTL = Duration.ofSeconds(1);
    static final int MAX_CACHED_JOBS = 10_000;
    private static final int PASSWORD_BYTES = 24;

    /** What a check found. */
    public sealed interface Check {
        record Authorized(long jobId, long deviceId) implements Check {
        }

        /** @param reason why, fit for a log line (never the password) */
        record Refused(String reason) implements Check {
        }
    }

    private record State(boolean active, Instant checkedAt) {
    }

    private final Mac prototype;
    private final LongPredicate jobActive;
    private final InstantSource clock;
    private final Map<Long, State> states = new ConcurrentHashMap<>();

    /** @param key the shared secret (at least 32 bytes of entropy) */
    public OneTimeCredentials(byte[] key, LongPredicate jobActive, InstantSource clock) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
        this.jobActive = jobActive;
        this.clock = clock;
    }

    /** Whether a user name is in the service's namespace (such a request is never relayed: it would leak ours). */
    public static boolean ours(String user) {
        return user != null && user.startsWith(PREFIX);
    }

    @Override
    public Credentials issue(long jobId, long deviceId, String deviceName) {
        return Credentials.of(PREFIX + jobId + "-" + deviceId, password(jobId, deviceId, deviceName));
    }

    /** Checks credentials a phone relayed; {@code user} must be {@link #ours}. */
    public Check check(String user, String password, String deviceName) {
        long[] ids = ids(user);
        if (ids == null) {
            return new Check.Refused("not a user name this service made");
        }
        if (password == null || deviceName == null) {
            return new Check.Refused("no " + (password == null ? "Password" : "devicename"));
        }
        byte[] expected = password(ids[0], ids[1], deviceName).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8))) {
            return new Check.Refused("wrong password for this job and device, or another device's name");
        }
        if (!active(ids[0])) {
            return new Check.Refused("job " + ids[0] + " is finished or gone");
        }
        return new Check.Authorized(ids[0], ids[1]);
    }

    private boolean active(long jobId) {
        Instant now = clock.instant();
        State s = states.get(jobId);
        if (s == null || !now.isBefore(s.checkedAt().plus(STATE_TTL))) {
            if (states.size() >= MAX_CACHED_JOBS) {
                states.clear();
            }
            s = new State(jobActive.test(jobId), now);
            states.put(jobId, s);
        }
        return s.active();
    }

    private static long[] ids(String user) {
        if (!ours(user)) {
            return null;
        }
        String[] parts = user.substring(PREFIX.length()).split("-", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            long job = Long.parseLong(parts[0]);
            long device = Long.parseLong(parts[1]);
            return job > 0 && device > 0 ? new long[] {job, device} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String password(long jobId, long deviceId, String deviceName) {
        Mac mac = mac();
        byte[] h = mac.doFinal((jobId + "/" + deviceId + "/" + deviceName.toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, PASSWORD_BYTES));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
