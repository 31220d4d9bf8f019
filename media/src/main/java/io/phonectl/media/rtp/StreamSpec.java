package io.phonectl.media.rtp;

import io.phonectl.media.g711.G711;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One stream for {@link RtpSender#add}: where to, which codec (its static payload type goes in every packet),
 * where the frames come from and whom to tell when it ends ({@code onComplete} runs on the sender's callback
 * executor, never on the tick thread).
 */
public record StreamSpec(InetSocketAddress destination, G711 codec, FrameSource source, Consumer<StreamResult> onComplete) {

    public StreamSpec {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(source, "source");
        onComplete = onComplete == null ? result -> { } : onComplete;
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("destination must be resolved: " + destination);
        }
        if (destination.getPort() == 0) {
            throw new IllegalArgumentException("destination port must not be 0: " + destination);
        }
    }

    public StreamSpec(InetSocketAddress destination, G711 codec, FrameSource source) {
        this(destination, codec, source, null);
    }
}
