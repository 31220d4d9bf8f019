package io.phonectl.sim.execute;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One phone's cookies within the limits of reference notes §2.4: 4 cookies per host, 8 sessions (hosts), 255 bytes
 * per cookie, 30 minutes idle. A fifth cookie for a host drops that host's oldest; a ninth host drops the least
 * recently used session; a longer cookie is refused; a session unused for more than 30 minutes is forgotten.
 * Attributes (Path, Max-Age, Expires, Secure) are not modelled: every cookie goes back to the host that set it.
 */
final class CookieJar {

    static final int MAX_COOKIES_PER_HOST = 4;
    static final int MAX_SESSIONS = 8;
    static final int MAX_COOKIE_BYTES = 255;
    static final Duration IDLE = Duration.ofMinutes(30);

    private static final class Session {
        final Map<String, String> cookies = new LinkedHashMap<>();
        Instant lastUsed;
    }

    /** Access order: the first entry is the least recently used session. */
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    /** The Cookie header for a request to {@code host} ("" when none); counts as use of the session. */
    synchronized String header(String host, Instant now) {
        expire(now);
        Session s = sessions.get(host);
        if (s == null) {
            return "";
        }
        s.lastUsed = now;
        return String.join("; ", s.cookies.values());
    }

    /** Keeps the name=value part of each Set-Cookie header from {@code host}. */
    synchronized void keep(String host, List<String> setCookies, Instant now) {
        expire(now);
        for (String sc : setCookies) {
            String pair = sc.split(";", 2)[0].strip();
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.getBytes(StandardCharsets.UTF_8).length > MAX_COOKIE_BYTES) {
                continue;
            }
            Session s = sessions.get(host);
            if (s == null) {
                if (sessions.size() >= MAX_SESSIONS) {
                    Iterator<String> lru = sessions.keySet().iterator();
                    lru.next();
                    lru.remove();
                }
                s = new Session();
                sessions.put(host, s);
            }
            s.lastUsed = now;
            String name = pair.substring(0, eq);
            if (!s.cookies.containsKey(name) && s.cookies.size() >= MAX_COOKIES_PER_HOST) {
                Iterator<String> oldest = s.cookies.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            s.cookies.put(name, pair);
        }
    }

    /**
     * Hosts (least recently used first) with their cookie names and last use. Values are not shown: a session
     * cookie is a credential.
     */
    synchronized List<Map<String, Object>> view(Instant now) {
        expire(now);
        List<Map<String, Object>> out = new ArrayList<>();
        sessions.forEach((host, s) -> out.add(Map.of("host", host,
                "cookies", List.copyOf(s.cookies.keySet()), "lastUsed", s.lastUsed.toString())));
        return out;
    }

    private void expire(Instant now) {
        sessions.values().removeIf(s -> Duration.between(s.lastUsed, now).compareTo(IDLE) > 0);
    }
}
