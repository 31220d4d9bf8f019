package io.phonectl.cli.xsi;

import io.phonectl.cli.options.Credentialed;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.client.xsi.XsiTransport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --phone HOST[:PORT]}, the request timeout and the credentials of a one-phone XSI command. */
public final class PhoneTarget {

    @Option(names = "--phone", required = true, paramLabel = "HOST[:PORT]",
            description = "The phone (port 80 when omitted; the simulator prints its ports).")
    String phone;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest exchange, in seconds (a Play: push holds the answer for the clip). Default ${DEFAULT-VALUE}.")
    double timeoutSeconds;

    @Mixin
    Credentialed credentials;

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
        return XsiTransport.start(TransportConfig.DEFAULTS.withRequestTimeout(timeout()));
    }

    /** A client with credentials (pushes, screenshots, caps, media). */
    public XsiClient client(XsiTransport transport) {
        return XsiClient.of(transport, address(), credentials.resolve());
    }

    /** A client without credentials (the device pages need none). */
    public XsiClient anonymous(XsiTransport transport) {
        return XsiClient.of(transport, address(), null);
    }
}
