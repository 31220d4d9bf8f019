package io.phonectl.client.xapi;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;

/**
 * Turns a failed connection into an explanation a user can act on. The statuses follow what devices answer and how
 * pyxows reads them (notes §2.1, §4.8): 401 no/refused credentials (or HTTP not enabled), 403 wrong credentials,
 * 502 a proxy in front of a rebooting device, 503 the connection rate limit, anything else WebSocket not enabled.
 */
final class UpgradeFailures {
    static final String ENABLE = "enable it with: xConfiguration NetworkServices HTTP Mode: HTTP+HTTPS (or HTTPS) and "
            + "xConfiguration NetworkServices Websocket: FollowHTTPService (seed 004 \"Enabling WebSocket\")";

    private UpgradeFailures() {}

    static XapiClientException.Connect explain(URI uri, Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof UpgradeException) && t.getCause() != null && t.getCause() != t) {
            if (t instanceof ConnectException || t instanceof SSLException || t instanceof TimeoutException) break;
            t = t.getCause();
        }
        if (t instanceof UpgradeException u && u.getResponseStatusCode() > 0) {
            int status = u.getResponseStatusCode();
            return new XapiClientException.Connect(status, uri + ": " + message(status), failure);
        }
        if (t instanceof SSLException) {
            return new XapiClientException.Connect(0, uri + ": TLS handshake failed (" + t.getMessage()
                    + "); devices usually carry self-signed certificates: install a trusted one, pin it, or "
                    + "trust all explicitly", failure);
        }
        if (t instanceof TimeoutException) {
            return new XapiClientException.Connect(0, uri + ": no answer within the connect timeout", failure);
        }
        return new XapiClientException.Connect(0, uri + ": cannot connect (" + failure + ")", failure);
    }

    static String message(int status) {
        return switch (status) {
            case 401 -> "401 Unauthorized: credentials missing or refused; over ws: this can also mean HTTP is not "
                    + "enabled on the device; " + ENABLE;
            case 403 -> "403 Forbidden: wrong username or password (or the account lacks API access)";
            case 502 -> "502 Bad Gateway: proxy error, the device is probably rebooting";
            case 503 -> "503 Service Unavailable: connection rate limit reached, retry later";
            default -> status + ": the device does not offer WebSocket at /ws; " + ENABLE;
        };
    }
}
