package io.phonectl.cucm.ris;

import io.phonectl.cucm.soap.SoapFault;

/** The RisPort70 fault discovery must recognise: the cluster-wide rate limit. */
public final class RisFaults {

    /** Requests per minute a cluster answers by default (CUCM service parameter, 15 unless an administrator raises it). */
    public static final int DEFAULT_RATE_PER_MINUTE = 15;
    // "Reatime" is how CUCM spells it; clients match on this prefix
    private static final String RATE = "AxisFault: Exceeded allowed rate for Reatime information";

    private RisFaults() {
    }

    public static SoapFault rateExceeded(int perMinute) {
        return new SoapFault("soapenv:Server.userException", RATE + ". Current allowed rate for realtime information is "
                + perMinute + " requests per minute.", null, null);
    }

    public static boolean isRateExceeded(SoapFault f) {
        return f.message().startsWith(RATE);
    }
}
