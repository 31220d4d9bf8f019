package io.phonectl.cli.xapi;

import io.phonectl.cli.options.Credentialed;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xapi.XapiClient;
import io.phonectl.client.xapi.XapiClientConfig;
import io.phonectl.client.xapi.XapiHttpClient;
import io.phonectl.client.xapi.XapiTransport;
import io.phonectl.xapi.schema.DeviceSchema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where an xAPI device is and how to talk to it: {@code --host HOST[:PORT]}, WebSocket (RoomOS) or HTTP getxml/putxml
 * ({@code --http}, the only transport PhoneOS has), TLS policy, and the same credential options as the XSI commands.
 */
public final class XapiTarget {

    @Option(names = "--host", required = true, paramLabel = "HOST[:PORT]", description = "The device.")
    String host;

    @Option(names = "--http", description = "Use HTTP getxml/putxml instead of the WebSocket (PhoneOS has no WebSocket).")
    private boolean http;

    @Option(names = "--secure", description = "wss:// / https:// with the certificate verified.")
    boolean secure;

    @Option(names = "--insecure", description = "wss:// / https:// trusting any certificate (lab devices only).")
    boolean insecure;

    @Option(names = "--product", paramLabel = "roomos|phoneos", defaultValue = "roomos",
            description = "Schema used to print literals in --terminal output (default ${DEFAULT-VALUE}).")
    String product;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    Credentialed credentials;

    boolean tls() {
        return secure || insecure;
    }

    URI base(String scheme) {
        return URI.create(scheme + (tls() ? "s" : "") + "://" + host);
    }

    XapiClientConfig.Tls tlsPolicy() {
        return insecure ? XapiClientConfig.Tls.TRUST_ALL : XapiClientConfig.Tls.VERIFY;
    }

    Duration timeout() {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("--timeout = " + timeoutSeconds + ": must be 1..3600 seconds");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    DeviceSchema schema() {
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "roomos" -> DeviceSchema.roomOs();
            case "phoneos" -> DeviceSchema.phoneOs();
            default -> throw new IllegalArgumentException("--product = " + product + ": must be roomos or phoneos");
        };
    }

    /**
     * The device over the transport the options name: the one place that looks at {@code --http}, so that commands
     * work with either through {@link XapiTransport}.
     */
    XapiTransport open() {
        return http ? httpClient() : webSocket();
    }

    /** The WebSocket, for what only it can do ({@code what}: query, watch); with {@code --http} that is bad input. */
    XapiClient webSocket(String what) {
        if (http) {
            throw new IllegalArgumentException(what + " needs the WebSocket (--http has no such call)");
        }
        return webSocket();
    }

    private XapiClient webSocket() {
        Credentials s = credentials.resolve();
        XapiClientConfig.Builder b = XapiClientConfig.builder(base("ws").resolve("/ws")).credentials(s.user(), s.password())
                .requestTimeout(timeout()).connectTimeout(timeout()).reconnect(false);
        if (insecure) {
            b.trustAll();
        }
        return XapiClient.connect(b.build());
    }

    private XapiHttpClient httpClient() {
        Credentials s = credentials.resolve();
        return new XapiHttpClient(base("http"), s.user(), s.password(), tlsPolicy(), null, timeout());
    }
}
