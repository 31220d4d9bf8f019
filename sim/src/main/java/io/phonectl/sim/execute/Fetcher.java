package io.phonectl.sim.execute;

import io.phonectl.media.g711.G711;
import io.phonectl.media.ring.AudioClipChecker;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.XsiException;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.object.XsiObject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The phone's browser: fetches an HTTP(S) URL as the phone does ({@link PhoneHttp}) and acts on what comes back by
 * its Content-Type (control spec, content types): XML objects are shown (their images fetched), {@code text/html} and
 * {@code text/plain} shown as text, {@code audio/basic} played as a clip. An already-expired page replaces the top
 * screen instead of stacking; Refresh is handed to the {@link Refresher}. A page is read up to
 * {@link #MAX_PAGE_BYTES} within {@link io.phonectl.sim.net.HttpFetch#DEADLINE} for the whole exchange.
 */
final class Fetcher {

    static final int MAX_PAGE_BYTES = 1 << 20;

    private final PhoneHttp http;
    private final ObjectScreens screens;
    private final XsiCodec.Mode mode;
    private final Refresher refresher;

    Fetcher(PhoneHttp http, ObjectScreens screens, XsiCodec.Mode mode) {
        this.http = http;
        this.screens = screens;
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
        PhoneHttp.Got r;
        try {
            r = http.get(phone, url, MAX_PAGE_BYTES);
        } catch (PhoneHttp.Failed f) {
            return fail(phone, url, f.prompt());
        }
        if (r.status() != 200) {
            return fail(phone, url, "HTTP Error [" + r.status() + "]");
        }
        boolean replace = refresh || expired(r.answer().headers().firstValue("Expires").orElse(null), phone.clock().instant());
        String refreshHeader = r.answer().headers().firstValue("Refresh").orElse("0");
        String type = r.mediaType();
        if (type.equals("audio/basic")) {
            return play(phone, url, r.body());
        }
        if (type.equals("text/html") || type.equals("text/plain")) {
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
        if (!(doc instanceof XsiObject o) || !ObjectScreens.displayable(o)) {
            return fail(phone, url, "XML Error [4]: Unsupported Object");
        }
        show(phone, screens.of(phone, o, url).orElseThrow(), replace);
        refresher.shown(phone, url, refreshHeader);
        return record(phone, url, "shown " + o.rootElement());
    }

    /**
     * An {@code audio/basic} answer plays as a {@code Play:} clip does: the phone is busy for the clip's length (the
     * Execute answer that asked for the URL waits), and the device log records it. A clip over 5 s shows "Data too
     * large!", a malformed one "Unknown Error" (control spec prompt-line messages; the pairing is ours).
     */
    private String play(SimPhone phone, String url, byte[] clip) {
        List<Violation> broken = AudioClipChecker.check(clip);
        if (!broken.isEmpty()) {
            phone.log("audio " + url + ": " + broken);
            return fail(phone, url, AudioClipChecker.tooLong(clip) ? PhoneImages.TOO_LARGE : PhoneImages.UNKNOWN);
        }
        Duration length = Duration.ofNanos(clip.length * 1_000_000_000L / G711.SAMPLE_RATE);
        phone.log("playing audio/basic " + url + " (" + clip.length + " samples, " + length.toMillis() + " ms)");
        try {
            Thread.sleep(length); // runs on a virtual thread; this is the behaviour being simulated
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(phone, url, "audio interrupted");
        }
        return record(phone, url, "played audio/basic (" + clip.length + " samples)");
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
