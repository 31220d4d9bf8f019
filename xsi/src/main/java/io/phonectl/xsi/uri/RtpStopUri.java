package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/** {@code RTPRx:Stop}, {@code RTPTx:Stop}, {@code RTPMRx:Stop}, {@code RTPMTx:Stop}. RTPRx:Stop also ends multicast receive. */
public record RtpStopUri(RtpKind kind) implements InternalUri {

    public RtpStopUri {
        if (kind == null) {
            throw UriRules.fail("RTP kind", null, "is required", Sources.CONTROL_SPEC);
        }
    }

    @Override
    public String family() {
        return kind.family();
    }

    @Override
    public String format() {
        return kind.family() + ":Stop";
    }

    @Override
    public String feature() {
        return format();
    }
}
