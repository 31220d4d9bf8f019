package io.phonectl.sim.execute;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.push.XsiPush;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes read once for the whole fleet. A broadcast sends thousands of phones the same bytes, and reading them
 * ({@link XsiPush#decode}: a StAX reader per body, then the URIs) was 40 % of the simulator's work per request
 * (JFR, 10,000 phones). The result is a pure function of the bytes, the reading mode and the size profile, and an
 * {@link XsiPush} is immutable, so phones that are sent the same bytes share one. Bodies that fail to read are read
 * again each time (their error goes to each phone's history). Thread-safe.
 */
final class DecodedPushes {

    /** Distinct bodies kept; when full, all are forgotten (a broadcast has a handful of wire forms). */
    static final int KEPT = 64;

    private record Key(byte[] body, int hash, XsiCodec.Mode mode, SizeProfile profile) {
        Key(byte[] body, XsiCodec.Mode mode, SizeProfile profile) {
            this(body, Arrays.hashCode(body), mode, profile);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.mode == mode && k.profile == profile
                    && Arrays.equals(k.body, body);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final Map<Key, XsiPush> READ = new ConcurrentHashMap<>();

    private DecodedPushes() {
    }

    /** As {@link XsiPush#decode}, sharing the result with every phone sent the same bytes. */
    static XsiPush decode(byte[] body, XsiCodec.Mode mode, SizeProfile profile) {
        Key key = new Key(body, mode, profile);
        XsiPush known = READ.get(key);
        if (known != null) {
            return known;
        }
        XsiPush push = XsiPush.decode(body, mode, profile);
        if (READ.size() >= KEPT) {
            READ.clear();
        }
        READ.put(key, push);
        return push;
    }
}
