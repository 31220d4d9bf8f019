package io.phonectl.server.testing;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/** Free RTP ports for pages to simulated phones, which share 127.0.0.1 and receive on port, port + 2, …. */
public final class RtpPorts {

    private RtpPorts() {
    }

    /** An even base port whose next {@code phones} even ports are free on loopback now. */
    public static int freeBase(int phones) {
        for (int base = 20480 + 64 * (int) (Math.random() * 100); base + 2 * phones <= 32768; base += 2 * phones + 2) {
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < phones; i++) {
                    held.add(new DatagramSocket(base + 2 * i, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (SocketException taken) {
                // try the next run
            } finally {
                for (DatagramSocket s : held) {
                    s.close();
                }
            }
        }
        throw new IllegalStateException("no free ports");
    }

    /** An even port no socket on this host holds on any address (multicast receivers bind the wildcard address). */
    public static int freeWildcard() {
        for (int i = 0; i < 200; i++) {
            int port = 20480 + 2 * (int) (Math.random() * 6000);
            try (DatagramSocket s = new DatagramSocket(port)) {
                return s.getLocalPort();
            } catch (SocketException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port");
    }
}
