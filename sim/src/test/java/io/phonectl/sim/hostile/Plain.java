package io.phonectl.sim.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The JDK's HTTP client, as a third-party tool would use it: never phonectl's own client. */
final class Plain {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADMIN = basic("admin", "admin");

    private Plain() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code xml} as the XML form field to /CGI/Execute with admin/admin. */
    static HttpResponse<String> push(URI phone, String xml) {
        byte[] body = ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return send(HttpRequest.newBuilder(phone.resolve("/CGI/Execute")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static String execute(String url) {
        return "<CiscoIPPhoneExecute><ExecuteItem URL=\"" + url.replace("&", "&amp;") + "\"/></CiscoIPPhoneExecute>";
    }

    static HttpResponse<String> send(HttpRequest r) {
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
