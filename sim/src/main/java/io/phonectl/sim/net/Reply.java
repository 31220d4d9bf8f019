package io.phonectl.sim.net;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP answer, built by the feature code and written by the handler; keeps features free of Jetty. */
public record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String XML = "text/xml; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    /** {@code <CiscoIPPhoneError Number="4" />}, spaced self-closing form scripts compare byte for byte (notes §2.2). */
    public static final String ERROR_4 = "<CiscoIPPhoneError Number=\"4\" />";
    /** What a phone answered a client that sent {@code Expect: 100-continue} (reference notes §2.1). */
    public static final String ERROR_6 = "<CiscoIPPhoneError Number=\"6\" />";

    public Reply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static Reply xml(int status, String xml) {
        return new Reply(status, XML, Map.of(), xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply html(int status, String html) {
        return new Reply(status, HTML, Map.of(), html.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply notFound() {
        return html(404, "<html><body><h1>404 Not Found</h1></body></html>\n");
    }

    public static Reply empty(int status) {
        return new Reply(status, null, Map.of(), new byte[0]);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
