package io.phonectl.sim.host;

import io.phonectl.sim.net.SelfSignedCertificate;
import io.phonectl.sim.phone.SimPhone;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * HTTPS for simulated phones, as phones serve it: each phone has its own self-signed certificate (EC P-256, subject
 * its device name, SubjectAltName its address), made the first time a client shakes hands with it, so a fleet of
 * thousands costs nothing until used. One port per phone answers both TLS and plain HTTP (Jetty detects the TLS
 * ClientHello); a phone that serves HTTPS only closes a plain-HTTP connection without an answer, as a port with no
 * HTTP server behind it does. The certificate is chosen by the local address of the connection, as the handler
 * chooses the phone.
 */
public final class PhoneTls {

    private final Function<SocketAddress, SimPhone> phones;
    private final Predicate<SimPhone> httpsOnly;
    private final Clock clock;
    private final Map<Integer, SelfSignedCertificate> certificates = new ConcurrentHashMap<>();
    /** Which phone a handshake in progress is for; weak, so finished engines go with their connections. */
    private final Map<SSLEngine, SimPhone> handshakes = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param phones    the phone listening on a local address (null for none)
     * @param httpsOnly the phones that refuse plain HTTP
     */
    public PhoneTls(Function<SocketAddress, SimPhone> phones, Predicate<SimPhone> httpsOnly, Clock clock) {
        this.phones = phones;
        this.httpsOnly = httpsOnly;
        this.clock = clock;
    }

    /** The connection factories of the phones' connector: TLS detected, else plain HTTP (unless refused). */
    public ConnectionFactory[] factories(HttpConfiguration plain) {
        HttpConfiguration secure = new HttpConfiguration(plain);
        // phones are reached by address: no SNI host check (the certificate names the address itself)
        secure.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(sslContext());
        SslConnectionFactory tls = new SslConnectionFactory(ssl, "http/1.1") {
            @Override
            protected SslConnection newSslConnection(Connector connector, EndPoint endPoint, SSLEngine engine) {
                SimPhone phone = phones.apply(endPoint.getLocalSocketAddress());
                if (phone != null) {
                    handshakes.put(engine, phone);
                }
                return super.newSslConnection(connector, endPoint, engine);
            }
        };
        DetectorConnectionFactory detector = new DetectorConnectionFactory(tls) {
            @Override
            protected void nextProtocol(Connector connector, EndPoint endPoint, ByteBuffer buffer) {
                SimPhone phone = phones.apply(endPoint.getLocalSocketAddress());
                if (phone != null && httpsOnly.test(phone)) {
                    endPoint.close(); // nothing answers plain HTTP on an HTTPS-only phone
                    return;
                }
                super.nextProtocol(connector, endPoint, buffer);
            }
        };
        return new ConnectionFactory[] {detector, new HttpConnectionFactory(secure)};
    }

    /** Whether the phone refuses plain HTTP. */
    public boolean httpsOnly(SimPhone phone) {
        return httpsOnly.test(phone);
    }

    /** A phone's certificate (made now if no client has asked for it yet). */
    public SelfSignedCertificate certificate(SimPhone phone) {
        return certificates.computeIfAbsent(phone.index(), i -> SelfSignedCertificate.create(phone.name(), List.of(),
                List.of(phone.address().getAddress()), clock.instant()));
    }

    private SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new PerPhone()}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** Serves the certificate of the phone a handshake is for; aliases are "phone-<index>". */
    private final class PerPhone extends X509ExtendedKeyManager {

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            SimPhone phone = handshakes.get(engine);
            if (phone == null || !"EC".equals(keyType)) {
                return null;
            }
            certificate(phone); // made before the engine asks for its parts
            return "phone-" + phone.index();
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            SelfSignedCertificate c = made(alias);
            return c == null ? null : new X509Certificate[] {c.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            SelfSignedCertificate c = made(alias);
            return c == null ? null : c.privateKey();
        }

        private SelfSignedCertificate made(String alias) {
            if (alias == null || !alias.startsWith("phone-")) {
                return null;
            }
            return certificates.get(Integer.parseInt(alias.substring("phone-".length())));
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null; // phones are served through SSLEngine only
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
