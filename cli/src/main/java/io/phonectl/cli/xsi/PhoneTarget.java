package io.phonectl.cli.xsi;

import io.phonectl.cli.console.Io;
import io.phonectl.cli.options.Credentialed;
import io.phonectl.cli.options.TlsOptions;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;

/**
 * {@code --phone [https://]HOST[:PORT]}, the request timeout, the credentials, the certificate options of an
 * {@code https://} phone and {@code --digest}: what every one-phone XSI command shares.
 */
public final class PhoneTarget {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--phone", required = true, paramLabel = "[https://]HOST[:PORT]",
            description = "The phone (port 80, or 443 with https://; the simulator prints its ports).")
    String phone;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest exchange, in seconds (a Play: push holds the answer for the clip). Default ${DEFAULT-VALUE}.")
    double timeoutSeconds;

    @Option(names = "--digest",
            description = "Answer a Digest challenge (RFC 7616) whatever the model: credentials go only in the scheme "
                    + "the phone asks for. Without it, only for models the catalog marks (older 79xx firmware).")
    boolean digest;

    @Mixin
    Credentialed credentials;

    @Mixin
    TlsOptions tls;

    public PhoneAddress address() {
        return PhoneAddress.parse(phone);
    }

    public Duration timeout() {
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("--timeout = " + timeoutSeconds + ": must be > 0 and <= 3600 seconds");
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    public XsiTransport transport() {
        return XsiTransport.start(TransportConfig.DEFAULTS.withRequestTimeout(timeout())
                .withTls(tls.policy(Io.err(mixee), "the phone's", "the password")).withDigest(digest));
    }

    /** A client with credentials (pushes, screenshots, caps, media, the CGI info pages). */
    public XsiClient client(XsiTransport transport) {
        return client(transport, null);
    }

    /** A client with credentials; a model the catalog says challenges with Digest gets Digest answered. */
    public XsiClient client(XsiTransport transport, String model) {
        return client(transport, model, address());
    }

    /** The same at another address of the phone (a 98xx's screenshot over HTTPS). */
    public XsiClient client(XsiTransport transport, String model, PhoneAddress at) {
        return XsiClient.of(transport, at, credentials.resolve(), XsiClient.digestModel(model));
    }

    /** A client without credentials unless some were given (the device pages need none). */
    public XsiClient anonymous(XsiTransport transport) {
        return credentials.given() ? client(transport) : XsiClient.of(transport, address(), null);
    }
}
