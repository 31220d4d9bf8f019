package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/**
 * Starts a legacy RTP stream: {@code RTPRx:ip[:port[:volume[:path]]]}, {@code RTPTx:ip:port},
 * {@code RTPMRx:group:port[:volume[:path]]}, {@code RTPMTx:group:port}. Ports are even, 20480-32768; only RTPRx
 * may omit the port (the phone picks one); volume 0-100 and audio path 0-2 exist on the receive forms only.
 */
public record RtpUri(RtpKind kind, String address, Integer port, Integer volume, Integer audioPath)
        implements InternalUri {

    public static final int MAX_VOLUME = 100;
    public static final int MAX_AUDIO_PATH = 2;

    public RtpUri {
        if (kind == null) {
            throw UriRules.fail("RTP kind", null, "is required", Sources.CONTROL_SPEC);
        }
        String f = kind.family();
        UriRules.ipv4(f + " address", address, kind.multicast());
        if (port == null && kind != RtpKind.RX) {
            throw UriRules.fail(f + " port", null, "is required (only RTPRx may omit it)", Sources.NOTES_RTP);
        }
        UriRules.rtpPort(f + " port", port);
        if (!kind.receive() && (volume != null || audioPath != null)) {
            throw UriRules.fail(f + " volume/path", volume + "/" + audioPath,
                    "volume and audio path exist only on RTPRx and RTPMRx", Sources.CONTROL_SPEC);
        }
        UriRules.range(f + " volume", volume, 0, MAX_VOLUME, Sources.CONTROL_SPEC);
        UriRules.range(f + " audio path", audioPath, 0, MAX_AUDIO_PATH, Sources.CONTROL_SPEC);
    }

    public static RtpUri of(RtpKind kind, String address, int port) {
        return new RtpUri(kind, address, port, null, null);
    }

    @Override
    public String family() {
        return kind.family();
    }

    @Override
    public String format() {
        return UriRules.appendOptional(new StringBuilder(kind.family()).append(':').append(address),
                port, volume, audioPath).toString();
    }

    static RtpUri parse(RtpKind kind, String[] p) {
        String f = kind.family();
        int max = kind.receive() ? 5 : 3;
        if (p.length > max || p.length < 2) {
            throw UriRules.fail(f, String.join(":", p), kind.receive()
                    ? "syntax is " + f + ":address[:port[:volume[:path]]]" : "syntax is " + f + ":address:port",
                    Sources.CONTROL_SPEC);
        }
        return new RtpUri(kind, p[1],
                UriRules.optionalInteger(f + " port", p.length > 2 ? p[2] : null, 0, 65535, Sources.CONTROL_SPEC),
                UriRules.optionalInteger(f + " volume", p.length > 3 ? p[3] : null, 0, MAX_VOLUME, Sources.CONTROL_SPEC),
                UriRules.optionalInteger(f + " audio path", p.length > 4 ? p[4] : null, 0, MAX_AUDIO_PATH,
                        Sources.CONTROL_SPEC));
    }
}
