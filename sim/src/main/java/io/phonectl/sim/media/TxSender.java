package io.phonectl.sim.media;

import io.phonectl.media.g711.G711;
import io.phonectl.media.rtp.FrameSource;
import io.phonectl.media.rtp.RtpSender;
import io.phonectl.media.rtp.StreamHandle;
import io.phonectl.media.rtp.StreamSpec;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;

/**
 * What simulated phones transmit: a 400 Hz tone in G.711, 20 ms packets, through the fleet's one {@link RtpSender}
 * (one tick thread and one socket for every phone together, started on first use, closed with the host).
 */
public final class TxSender implements AutoCloseable {

    static final double TONE_HZ = 400;

    private final NetworkInterface multicastInterface;
    private RtpSender sender;
    private boolean closed;

    /** @param multicastInterface where RTPMTx and multicast startMedia send, or null for the OS default */
    public TxSender(NetworkInterface multicastInterface) {
        this.multicastInterface = multicastInterface;
    }

    /** Starts sending the tone to {@code destination} until the handle is stopped. */
    synchronized StreamHandle send(InetSocketAddress destination, G711 codec) {
        if (closed) {
            throw new IllegalStateException("the fleet host is closed");
        }
        if (sender == null) {
            sender = RtpSender.start(RtpSender.Config.defaults().withMulticastInterface(multicastInterface));
        }
        return sender.add(new StreamSpec(destination, codec, FrameSource.forever(toneFrame(codec), codec)));
    }

    /** One frame of the tone; 400 Hz has a whole number of periods in 160 samples, so frames loop seamlessly. */
    static byte[] toneFrame(G711 codec) {
        short[] pcm = new short[G711.SAMPLES_PER_FRAME];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(8_000 * Math.sin(2 * Math.PI * TONE_HZ * i / G711.SAMPLE_RATE));
        }
        byte[] out = new byte[pcm.length];
        codec.encode(pcm, 0, out, 0, pcm.length);
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sender != null) {
            sender.close();
        }
    }
}
