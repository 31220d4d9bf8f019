package io.phonectl.sim.net;

import java.io.IOException;
import java.net.InetAddress;

/** Per-address mode (one simulated device per 127.x address): the i-th IPv4 address after a first one. */
public final class Addresses {

    private Addresses() {
    }

    /** {@code first + i} as an IPv4 address; IOException when first is not IPv4 or the sum leaves IPv4. */
    public static InetAddress plus(InetAddress first, int i) throws IOException {
        byte[] a = first.getAddress();
        if (a.length != 4) {
            throw new IOException("firstAddress " + first.getHostAddress() + ": per-address mode needs IPv4");
        }
        long v = ((a[0] & 0xFFL) << 24 | (a[1] & 0xFFL) << 16 | (a[2] & 0xFFL) << 8 | (a[3] & 0xFFL)) + i;
        if (i < 0 || v > 0xFFFF_FFFFL) {
            throw new IOException("firstAddress " + first.getHostAddress() + " + " + i + ": beyond the IPv4 range");
        }
        byte[] b = {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
        return InetAddress.getByAddress(b);
    }
}
