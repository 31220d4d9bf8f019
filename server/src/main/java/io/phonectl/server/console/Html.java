package io.phonectl.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.phonectl.server.auth.SessionService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Hashing;
import io.phonectl.server.http.Principal;
import io.phonectl.server.http.Reply;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Rendering: the precompiled templates (jte, HTML content type, so every value is escaped by the engine), the
 * security headers of every page, redirects, and the frame of a signed-in page with the session's CSRF token.
 */
final class Html {

    /**
     * The session's CSRF token, for the server to put into its forms. Set at sign-in beside the session cookie with
     * the same attributes (HttpOnly, SameSite=Strict): the browser never sends it to another site, and no script
     * reads it; the page carries it, and a write must send it back in a form field or header.
     */
    static final String CSRF_COOKIE = "phonectl_csrf";

    /** Everything from the service itself; no inline script or style; no framing. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Fixed notices a redirect can ask for with {@code ?ok=key} (no text travels in a URL). */
    private static final Map<String, String> NOTICES = Map.of(
            "password", "Your password was changed.",
            "signed-out", "You are signed out.",
            "deleted", "The device was deleted.",
            "saved", "Saved.",
            "created", "Created.",
            "removed", "Deleted.",
            "started", "Started.");

    private Html() {
    }

    static Reply page(int status, String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(template, model, out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.getContentLength());
        try {
            out.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secure(Reply.raw(status, "text/html", bytes.toByteArray()));
    }

    /** A template's HTML as text (a fragment sent over a live stream). */
    static String fragment(String template, Object model) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        ENGINE.render(template, model, out);
        return out.toString();
    }

    static Reply page(String template, Object model) {
        return page(200, template, model);
    }

    /** 303 See Other: after a form, the browser GETs the result (reloading it does not post again). */
    static Reply redirect(String location) {
        return secure(Reply.raw(303, "text/plain", new byte[0]).header("Location", location));
    }

    static Reply secure(Reply r) {
        return r.header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    /** The frame of a page for the caller of {@code ex}, with the notice its {@code ok} parameter names. */
    static Frame frame(Exchange ex, String title, String section) {
        String ok = ex.query("ok");
        return frame(ex.request(), ex.principal(), title, section).withNotice(ok == null ? null : NOTICES.get(ok));
    }

    static Frame frame(Request request, Principal who, String title, String section) {
        if (!who.authenticated()) {
            return new Frame(title, section, null, null, "", null, null);
        }
        return new Frame(title, section, who.name(), who.role(), csrf(request, who), null, null);
    }

    /**
     * The CSRF token for a session's forms, from its companion cookie, checked against the session's stored hash;
     * "" for a bearer token (its writes need none). A session without a matching cookie (made by the API's login)
     * must sign in here.
     */
    static String csrf(Request request, Principal who) {
        if (!who.viaCookie()) {
            return "";
        }
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(CSRF_COOKIE) && MessageDigest.isEqual(
                    Hashing.sha256(c.getValue()).getBytes(StandardCharsets.US_ASCII),
                    who.csrfHash().getBytes(StandardCharsets.US_ASCII))) {
                return c.getValue();
            }
        }
        throw new ApiException.Unauthenticated("this session was not opened by the console: sign in here");
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Deletes a cookie of the session family. */
    static HttpCookie expired(String name, boolean secure) {
        return SessionService.cookie(name, "", secure, java.time.Duration.ZERO);
    }
}
