package io.phonectl.client.testing;

import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.sim.net.SelfSignedCertificate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/**
 * A phone that serves HTTPS only, as 98xx phones do, with a self-signed certificate made when the test starts
 * (CN and SubjectAltName 127.0.0.1, as phones put their own address there). Loopback, ephemeral port. Test code only.
 */
public final class TlsPhone implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final SelfSignedCertificate certificate;

    private TlsPhone(Handler handler) throws Exception {
        certificate = SelfSignedCertificate.create("127.0.0.1", List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress()), Instant.now());
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore("secret".toCharArray()));
        tls.setKeyStorePassword("secret");
        server = new Server();
        connector = new ServerConnector(server, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
    }

    public static TlsPhone start(Handler handler) throws Exception {
        return new TlsPhone(handler);
    }

    public PhoneAddress address() {
        return new PhoneAddress("127.0.0.1", connector.getLocalPort(), true);
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
