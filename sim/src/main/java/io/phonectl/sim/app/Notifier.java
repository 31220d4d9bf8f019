package io.phonectl.sim.app;

import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.codec.FormBody;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.NotifyUri;

import io.phonectl.sim.net.HttpFetch;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends what a phone's Notify URI asks: POST {@code http://host:port/path} with
 * {@code application/x-www-form-urlencoded; charset="UTF-8"} body {@code DATA=<data or event XML>}, Basic
 * credentials when the URI carries them, no cookies, retried three times (reference notes §2.8). Each attempt
 * is recorded in the phone's notifications (never with the credentials). Runs on the caller's thread.
 */
public final class Notifier {

    public static final int RETRIES = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The receiver's answer is not used: read at most this much of it. */
    static final int MAX_ANSWER = 4096;

    private final HttpFetch http;

    public Notifier(HttpFetch http) {
        this.http = http;
    }

    /** Posts {@code payload} (used when the URI has no data of its own) to every Notify URI in {@code uris}. */
    public void notifyAll(SimPhone phone, String uris, String payload) {
        if (uris == null || uris.isBlank()) {
            return;
        }
        for (String u : uris.split(";")) {
            String t = u.strip();
            if (t.regionMatches(true, 0, "Notify:", 0, 7)) {
                try {
                    if (InternalUri.parse(t) instanceof NotifyUri n) {
                        send(phone, n, payload);
                    }
                } catch (io.phonectl.xsi.XsiException e) {
                    phone.history().recordNotification(t, -1, "invalid Notify URI: " + e.getMessage());
                }
            }
        }
    }

    /** Returns the HTTP status of the last attempt, or -1 when every attempt failed to connect. */
    public int send(SimPhone phone, NotifyUri n, String payload) {
        String data = n.data() != null ? n.data() : payload;
        String path = n.path().startsWith("/") ? n.path() : "/" + n.path();
        URI target = URI.create("http://" + n.host() + ":" + n.port() + path);
        byte[] body = FormBody.encodeField(FormBody.DATA_FIELD, data.getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", FormBody.CONTENT_TYPE + "; charset=\"UTF-8\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (n.credentials() != null) {
            b.header("Authorization", "Basic " + n.credentials());
        }
        int status = -1;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            try {
                status = http.send(b.build(), MAX_ANSWER, TIMEOUT).status();
            } catch (HttpFetch.FetchException e) {
                if (e.kind() == HttpFetch.FetchException.Kind.STOPPED) {
                    break;
                }
                status = -1;
            }
            phone.history().recordNotification("POST " + target, status, data);
            if (status >= 200 && status < 300) {
                break;
            }
        }
        return status;
    }
}
