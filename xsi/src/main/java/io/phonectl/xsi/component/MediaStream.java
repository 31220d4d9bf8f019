package io.phonectl.xsi.component;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.object.Checks;
import io.phonectl.xsi.object.Urls;

/**
 * The {@code <mediaStream>} of a startMedia request. Attributes (id, onStopped, receiveVolume) live on
 * mediaStream, not on startMedia. Children in order type, codec, mode, address, port. {@code id} is optional in a
 * request (the phone assigns one); {@code type} is "audio" (the control spec also names "video").
 */
public record MediaStream(String id, String onStopped, Integer receiveVolume, String type, Codec codec,
                          MediaMode mode, String address, int port) {

    public static final int PORT_MIN = 20480;
    public static final int PORT_MAX = 32768;

    public static MediaStream audio(Codec codec, MediaMode mode, String address, int port) {
        return new MediaStream(null, null, null, "audio", codec, mode, address, port);
    }

    public MediaStream withOnStopped(String uri) {
        return new MediaStream(id, uri, receiveVolume, type, codec, mode, address, port);
    }

    public MediaStream withReceiveVolume(Integer volume) {
        return new MediaStream(id, onStopped, volume, type, codec, mode, address, port);
    }

    void check(Checks c) {
        c.range("mediaStream.receiveVolume", receiveVolume, 0, 100, Sources.CONTROL_SPEC);
        if (!"audio".equals(type) && !"video".equals(type)) {
            c.add("mediaStream.type", type, "must be audio or video", Sources.CONTROL_SPEC);
        }
        if (codec == null) {
            c.add("mediaStream.codec", null, "must be G.711, G.722 or G.729", Sources.RTP_STREAMING_API);
        }
        if (mode == null) {
            c.add("mediaStream.mode", null, "must be send, receive or sendReceive", Sources.RTP_STREAMING_API);
        }
        c.required("mediaStream.address", address, Sources.RTP_STREAMING_API);
        if (port < PORT_MIN || port > PORT_MAX || port % 2 != 0) {
            c.add("mediaStream.port", port, "must be even and " + PORT_MIN + ".." + PORT_MAX, Sources.CONTROL_SPEC);
        }
        for (String uri : Urls.handlerUris(onStopped)) {
            if (Urls.isHttp(uri)) {
                c.add("mediaStream.onStopped", Urls.redact(uri), "event handlers may not invoke HTTP URLs",
                        Sources.RTP_STREAMING_API);
            }
        }
    }

    /** Notify credentials in onStopped are never shown. */
    @Override
    public String toString() {
        return "MediaStream[id=" + id + ", onStopped=" + Urls.redact(onStopped) + ", receiveVolume=" + receiveVolume
                + ", type=" + type + ", codec=" + codec + ", mode=" + mode + ", address=" + address + ", port=" + port
                + "]";
    }
}
