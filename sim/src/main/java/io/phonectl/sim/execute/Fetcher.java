package io.phonectl.sim.execute;

import io.phonectl.sim.net.HttpFetch;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The phone's browser: fetches an HTTP(S) URL with the headers real phones send (reference notes §2.4) and
 * shows what comes back. {@code #DEVICENAME#} is replaced; Set-Cookie is kept within the phone's limits
 * ({@link CookieJar}); an already-expired page replaces the top screen instead of stacking; Refresh is handed to
 * the {@link Refresher}.
 * One shared client for every phone ({@link HttpFetch}): an answer is read with a cap of {@link #MAX_PAGE_BYTES} and
 * within {@link #TIMEOUT} for the whole exchange, so an endless or trickling page costs one failed fetch.
 */
final class Fetcher {

    static final Duration TIMEOUT = HttpFetch.DEADLINE;
    static final int MAX_PAGE_BYTES = 1 << 20;

    private final HttpFetch http;
    private final XsiCodec.Mode mode;
    private final Refresher refresher;

    Fetcher(HttpFetch http, XsiCodec.Mode mode) {
        this.http = http;
        this.mode = mode;
        this.refresher = new Refresher((phone, url) -> follow(phone, url, true));
    }

    Refresher refresher() {
        return refresher;
    }

    /** Fetches and shows {@code url}; failures show on the prompt line as on a phone. Returns a short outcome. */
    String follow(SimPhone phone, String url) {
        return follow(phone, url, false);
    }

    /** @param refresh a Refresh re-fetch: the page replaces the current screen instead of stacking on it */
    private String follow(SimPhone phone, String url, boolean refresh) {
        String target = url.replace("#DEVICENAME#", phone.name());
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            return fail(phone, url, "Host Not Found");
        }
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            return fail(phone, url, "Host Not Found"); // not http(s): the phone's browser cannot go there
        }
        b.timeout(TIMEOUT).GET()
                .header("x-CiscoIPPhoneModelName", phone.model().headerName())
                .header("x-CiscoIPPhoneDisplay", phone.model().displayHeader())
                .header("x-CiscoIPPhoneSDKVersion", phone.model().sdkVersion())
                .header("Accept", "x-CiscoIPPhone/*;version=" + phone.model().sdkVersion() + ", text/*, image/png, */*")
                .header("Accept-Language", "en")
                .header("Accept-Charset", phone.model().is79xx() ? "iso-8859-1, utf-8;q=0.8" : "utf-8,iso-8859-1;q=0.8");
        CookieJar jar = phone.extension(CookieJar.class, CookieJar::new);
        String cookie = jar.header(uri.getHost(), phone.clock().instant());
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        HttpFetch.Answer r;
        try {
            r = http.send(b.build(), MAX_PAGE_BYTES, TIMEOUT);
        } catch (HttpFetch.FetchException e) {
            return fail(phone, url, failure(e));
        }
        jar.keep(uri.getHost(), r.headers().allValues("Set-Cookie"), phone.clock().instant());
        if (r.status() != 200) {
            return fail(phone, url, "HTTP Error [" + r.status() + "]");
        }
        boolean replace = refresh || expired(r.headers().firstValue("Expires").orElse(null), phone.clock().instant());
        String refreshHeader = r.headers().firstValue("Refresh").orElse("0");
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("text/plain")) {
            show(phone, new Screen(Screen.Kind.TEXT, "", new String(r.body(), StandardCharsets.UTF_8), List.of(), 0,
                    List.of(new Screen.SoftKey("Exit", "SoftKey:Exit", 3)), "", url), replace);
            refresher.shown(phone, url, refreshHeader);
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
        show(phone, ObjectScreens.of(o, url).orElseThrow(), replace);
        refresher.shown(phone, url, refreshHeader);
        return record(phone, url, "shown " + o.rootElement());
    }

    /** The prompt-line text for a fetch that gave no answer. */
    static String failure(HttpFetch.FetchException e) {
        return switch (e.kind()) {
            case TOO_LARGE -> "Request Too Large";
            case TIMED_OUT -> "Request Timed Out";
            case UNREACHABLE -> "Host Not Found";
            case STOPPED -> "Interrupted";
        };
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
}
