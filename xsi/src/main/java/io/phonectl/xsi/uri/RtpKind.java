package io.phonectl.xsi.uri;

/** The four legacy RTP URI families: unicast/multicast, receive/transmit. */
public enum RtpKind {
    RX("RTPRx", false, true),
    TX("RTPTx", false, false),
    MRX("RTPMRx", true, true),
    MTX("RTPMTx", true, false);

    private final String family;
    private final boolean multicast;
    private final boolean receive;

    RtpKind(String family, boolean multicast, boolean receive) {
        this.family = family;
        this.multicast = multicast;
        this.receive = receive;
    }

    public String family() {
        return family;
    }

    public boolean multicast() {
        return multicast;
    }

    public boolean receive() {
        return receive;
    }

    static RtpKind ofFamily(String family) {
        for (RtpKind k : values()) {
            if (k.family.equals(family)) {
                return k;
            }
        }
        return null;
    }
}
