package io.phonectl.client.paging;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.media.rtp.StreamHandle;
import io.phonectl.xsi.component.Codec;
import io.phonectl.xsi.component.ErrorType;
import io.phonectl.xsi.component.MediaMode;
import io.phonectl.xsi.component.MediaStream;
import io.phonectl.xsi.component.StartMedia;
import io.phonectl.xsi.component.StopMedia;
import io.phonectl.xsi.model.ComponentApi;
import io.phonectl.xsi.model.PhoneModel;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.push.XsiPush;
import io.phonectl.xsi.uri.RtpKind;
import io.phonectl.xsi.uri.RtpStopUri;
import io.phonectl.xsi.uri.RtpUri;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * One phone of a page: the API chosen for it, what it is sent, how its answers are read, and its state across
 * the three phases. Fields are written by one thread per phase and read after that phase has been joined.
 */
final class PhonePage {
    final PhoneEntry phone;
    final PagingApi api;
    /** Unicast: the phone's RTP port; multicast: the group's port. */
    final int port;

    volatile PagingStatus status;
    volatile String detail = "";
    volatile String target = "";
    volatile InetSocketAddress destination;
    volatile boolean accepted;
    volatile String streamId = "";
    volatile StreamHandle stream;
    volatile long packetsSent;
    /** The receive command may have taken effect (accepted, or no answer in time): the phone must be told to stop. */
    volatile boolean needsStop;
    volatile boolean stopped;
    volatile String stopDetail = "";

    PhonePage(PhoneEntry phone, PagingApi api, int port) {
        this.phone = phone;
        this.api = api;
        this.port = port;
    }

    /**
     * The catalog decides: startMedia where the model supports the RTP Streaming API, the legacy URIs elsewhere,
     * including models the catalog does not know (every XSI phone since the 7940 has them).
     */
    static PagingApi choose(Optional<PhoneModel> model, PagingApi forced) {
        if (forced != null) {
            return forced;
        }
        return model.isPresent() && model.get().support(ComponentApi.RTP_STREAMING).supported()
                ? PagingApi.MEDIA : PagingApi.LEGACY;
    }

    /** Every legacy stop is the same push: built once. */
    private static final XsiPush STOP_RX = XsiPush.of("page stop", Execute.of(new RtpStopUri(RtpKind.RX).format()));

    /** The receive command: {@code address} is our source address (unicast) or the group (multicast). */
    static XsiPush receive(PagingApi api, PagingConfig config, String address, int port) {
        return XsiPush.of("page", switch (api) {
            case LEGACY -> Execute.of(new RtpUri(config.multicast() ? RtpKind.MRX : RtpKind.RX, address, port,
                    config.volume(), null).format());
            case MEDIA -> new StartMedia(MediaStream.audio(Codec.G711, MediaMode.RECEIVE, address, port)
                    .withReceiveVolume(config.volume()));
        });
    }

    /**
     * The stop command. With a stream id: stopMedia for exactly that stream. Without one (legacy, or a startMedia
     * whose answer never came): RTPRx:Stop, which ends unicast and multicast receive and also an API stream
     * receiving in that direction (reference notes §2.7), so other applications' send streams survive.
     */
    XsiPush stopPush() {
        return api == PagingApi.MEDIA && !streamId.isEmpty() ? XsiPush.of("page stop", new StopMedia(streamId)) : STOP_RX;
    }

    /** Records the answer to the receive command. */
    void started(PushOutcome outcome) {
        detail = outcome.detail();
        switch (outcome) {
            case PushOutcome.MediaStarted m -> {
                streamId = m.streamId();
                accept();
            }
            case PushOutcome.Executed e when e.kind().success() -> accept();
            case PushOutcome.AcceptedNoResponse a -> accept();
            case PushOutcome.Executed e -> status = refusal(e.items());
            case PushOutcome.MediaError m -> status = m.type() == ErrorType.UNAVAILABLE_RESOURCE
                    ? PagingStatus.REFUSED_BUSY : PagingStatus.REFUSED;
            case PushOutcome.NotSent n -> status = n.kind() == OutcomeKind.UNSUPPORTED
                    ? PagingStatus.REFUSED_UNSUPPORTED : PagingStatus.REFUSED;
            case PushOutcome.Refused r -> status = PagingStatus.UNREACHABLE;
            case PushOutcome.Unreachable u -> status = PagingStatus.UNREACHABLE;
            case PushOutcome.TimedOut t -> {
                status = PagingStatus.UNREACHABLE;
                // the phone may have acted on a request whose answer was lost: stopping is harmless, a stuck stream is not
                needsStop = t.phase() != io.phonectl.client.xsi.Phase.CONNECT;
            }
            default -> status = PagingStatus.REFUSED;
        }
    }

    private void accept() {
        accepted = true;
        needsStop = true;
    }

    private static PagingStatus refusal(List<ResponseItem> items) {
        for (ResponseItem item : items) {
            ResponseStatus known = item.known();
            if (known == ResponseStatus.RTP_ALREADY_ACTIVE) {
                return PagingStatus.REFUSED_BUSY;
            }
            if (known == ResponseStatus.URI_NOT_FOUND) {
                return PagingStatus.REFUSED_UNSUPPORTED;
            }
        }
        return PagingStatus.REFUSED;
    }

    /** Records the answer to the stop command. An unknown stream id means the stream is already gone. */
    void stoppedWith(PushOutcome outcome) {
        stopDetail = outcome.detail();
        stopped = outcome.succeeded()
                || outcome instanceof PushOutcome.MediaError m && m.type() == ErrorType.INVALID_RESOURCE_ID;
    }

    void settle(PagingStatus why, String text) {
        status = why;
        detail = text;
    }

    PagingResult result() {
        return new PagingResult(phone, api, status, detail, target, streamId, packetsSent, stopped, stopDetail);
    }
}
