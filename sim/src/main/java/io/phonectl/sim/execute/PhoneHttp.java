package io.phonectl.sim.execute;

import io.phonectl.sim.net.HttpFetch;
import io.phonectl.sim.phone.SimPhone;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Every GET the phone's browser makes (pages, images, backgrounds, ring files, audio clips) with the headers real
 * phones send (reference notes §2.4): model, display and SDK headers, Accept, Accept-Language and the 79xx or later
 * Accept-Charset; {@code #DEVICENAME#} replaced; cookies sent and kept within the phone's limits ({@link CookieJar}).
 * One shared client ({@link HttpFetch}): each answer is read within a size cap and one deadline.
 */
final class PhoneHttp {

    /** The request was sent and answered (any status). */
    record Got(URI uri, HttpFetch.Answer answer) {
        int status() {
            return answer.status();
        }

        /** The media type, lower case, without parameters ("image/png"). */
        String mediaType() {
            String t = answer.header("Content-Type");
            int semi = t.indexOf(';');
            return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
        }

        byte[] body() {
            return answer.body();
        }
    }

    /** What the phone's prompt line says when there was no answer: the URL is unusable or the exchange failed. */
    static final class Failed extends Exception {
        private final String prompt;
        private final HttpFetch.FetchException.Kind kind;

        Failed(String prompt, HttpFetch.FetchException.Kind kind) {
            super(prompt, null, false, false);
            this.prompt = prompt;
            this.kind = kind;
        }

        String prompt() {
            return prompt;
        }

        /** Null when the URL itself was unusable. */
        HttpFetch.FetchException.Kind kind() {
            return kind;
        }
    }

    private final HttpFetch http;

    PhoneHttp(HttpFetch http) {
        this.http = http;
    }

    /** GET {@code url} as the phone; the answer is at most {@code maxBytes}. */
    Got get(SimPhone phone, String url, int maxBytes) throws Failed {
        String target = url.replace("#DEVICENAME#", phone.name());
        URI uri;
        HttpRequest.Builder b;
        try {
            uri = URI.create(target);
            b = HttpRequest.newBuilder(uri); // refuses what is not http(s): the phone's browser cannot go there
        } catch (IllegalArgumentException e) {
            throw new Failed("Host Not Found", null);
        }
        b.timeout(HttpFetch.DEADLINE).GET()
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
            r = http.send(b.build(), maxBytes, HttpFetch.DEADLINE);
        } catch (HttpFetch.FetchException e) {
            throw new Failed(prompt(e.kind()), e.kind());
        }
        jar.keep(uri.getHost(), r.headers().allValues("Set-Cookie"), phone.clock().instant());
        return new Got(uri, r);
    }

    /** The prompt-line text for a fetch that gave no answer. */
    static String prompt(HttpFetch.FetchException.Kind kind) {
        return switch (kind) {
            case TOO_LARGE -> "Request Too Large";
            case TIMED_OUT -> "Request Timed Out";
            case UNREACHABLE -> "Host Not Found";
            case STOPPED -> "Interrupted";
        };
    }
}
