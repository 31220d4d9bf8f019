package io.phonectl.sim.execute;

import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phone's browser: fetches an HTTP(S) URL with the headers real phones send (reference notes §2.4) and
 * shows what comes back. {@code #DEVICENAME#} is replaced; Set-Cookie is kept within the phone's limits
 * (4 cookies per host, 255 bytes each); an already-expired page replaces the top screen instead of stacking.
 * One shared JDK client for every phone; requests are bounded by {@link #TIMEOUT}.
 */
final class Fetcher {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_COOKIES_PER_HOST = 4;
    static final int MAX_COOKIE_BYTES = 255;
    static final int MAX_PAGE_BYTES = 1 << 20;

    private final HttpClient http;
    private final XsiCodec.Mode mode;

    Fetcher(HttpClient http, XsiCodec.Mode mode) {
        this.http = http;
        this.mode = mode;
    }

    /** Per-phone cookie jar: host → (name → "name=value"). */
    static final class Cookies {
        final Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
    }

    /** Fetches and shows {@code url}; failures show on the prompt line as on a phone. Returns a short outcome. */
    String follow(SimPhone phone, String url) {
        String target = url.replace("#DEVICENAME#", phone.name());
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            return fail(phone, url, "Host Not Found");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("x-CiscoIPPhoneModelName", phone.model().headerName())
                .header("x-CiscoIPPhoneDisplay", phone.model().displayHeader())
                .header("x-CiscoIPPhoneSDKVersion", phone.model().sdkVersion())
                .header("Accept", "x-CiscoIPPhone/*;version=" + phone.model().sdkVersion() + ", text/*, image/png, */*")
                .header("Accept-Language", "en")
                .header("Accept-Charset", phone.model().is79xx() ? "iso-8859-1, utf-8;q=0.8" : "utf-8,iso-8859-1;q=0.8");
        String cookie = cookieHeader(phone, uri.getHost());
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return fail(phone, url, "Host Not Found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(phone, url, "Interrupted");
        }
        keepCookies(phone, uri.getHost(), r.headers().allValues("Set-Cookie"));
        if (r.statusCode() != 200) {
            return fail(phone, url, "HTTP Error [" + r.statusCode() + "]");
        }
        if (r.body().length > MAX_PAGE_BYTES) {
            return fail(phone, url, "Request Too Large");
        }
        boolean expired = expired(r.headers().firstValue("Expires").orElse(null), phone.clock().instant());
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("text/plain")) {
            show(phone, new Screen(Screen.Kind.TEXT, "", new String(r.body(), StandardCharsets.UTF_8), List.of(), 0,
                    List.of(new Screen.SoftKey("Exit", "SoftKey:Exit", 3)), "", url), expired);
            return record(phone, url, "shown as text");
        }
        XsiDocument doc;
        try {
            doc = XsiCodec.decode(r.body(), mode);
        } catch (XsiException e) {
            return fail(phone, url, "XML Error [4]: Parse Error");
        }
        if (doc instanceof io.phonectl.xsi.object.Status st) {
            phone.statusOverlay(st.text());
            return record(phone, url, "status shown");
        }
        if (!(doc instanceof XsiObject o) || ObjectScreens.of(o, url).isEmpty()) {
            return fail(phone, url, "XML Error [4]: Unsupported Object");
        }
        show(phone, ObjectScreens.of(o, url).orElseThrow(), expired);
        r.headers().firstValue("Refresh").ifPresent(v -> phone.log("page " + url + " asks Refresh: " + v));
        return record(phone, url, "shown " + o.rootElement());
    }

    private static void show(SimPhone phone, Screen s, boolean expired) {
        if (expired) {
            phone.replaceTop(s);
        } else {
            phone.push(s);
        }
    }

    private static String fail(SimPhone phone, String url, String message) {
        synchronized (phone) {
            phone.replaceTop(phone.screen().withPrompt(message));
        }
        return record(phone, url, message);
    }

    private static String record(SimPhone phone, String url, String outcome) {
        phone.log("GET " + url + ": " + outcome);
        return outcome;
    }

    static boolean expired(String expires, Instant now) {
        if (expires == null) {
            return false;
        }
        try {
            return ZonedDateTime.parse(expires.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(now);
        } catch (DateTimeParseException e) {
            return true; // "0", "-1": HTTP caches treat an unparsable Expires as already expired
        }
    }

    private static String cookieHeader(SimPhone phone, String host) {
        synchronized (phone) {
            Map<String, String> jar = phone.extension(Cookies.class, Cookies::new).byHost.get(host);
            return jar == null ? "" : String.join("; ", jar.values());
        }
    }

    private static void keepCookies(SimPhone phone, String host, List<String> setCookies) {
        if (setCookies.isEmpty()) {
            return;
        }
        synchronized (phone) {
            Map<String, String> jar = phone.extension(Cookies.class, Cookies::new).byHost
                    .computeIfAbsent(host, h -> new LinkedHashMap<>());
            for (String sc : setCookies) {
                String pair = sc.split(";", 2)[0].strip();
                int eq = pair.indexOf('=');
                if (eq <= 0 || pair.getBytes(StandardCharsets.UTF_8).length > MAX_COOKIE_BYTES) {
                    continue;
                }
                String name = pair.substring(0, eq);
                if (jar.containsKey(name) || jar.size() < MAX_COOKIES_PER_HOST) {
                    jar.put(name, pair);
                }
            }
        }
    }
}
