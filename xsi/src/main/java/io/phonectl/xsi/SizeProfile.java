package io.phonectl.xsi;

/**
 * How large a pushed object may be. Current documentation allows 40 KB per HTTP POST; older
 * editions (and some clients still) hold to 512 bytes, which is also the JTAPI push limit.
 */
public enum SizeProfile {
    /** "Any HTTP POST object is limited to 40 Kbytes in size" (control spec transport limits). */
    POST_40KB(40_960, Sources.CONTROL_SPEC),
    /** "JTAPI-pushed objects are limited to a maximum size of 512 bytes"; also old firmware generations. */
    LEGACY_512B(512, Sources.CONTROL_SPEC);

    private final int maxBytes;
    private final String source;

    SizeProfile(int maxBytes, String source) {
        this.maxBytes = maxBytes;
        this.source = source;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public String source() {
        return source;
    }

    /** Checks an encoded object's size in bytes; the field is what is being sized, e.g. "XML". */
    public void check(String field, int bytes) {
        if (bytes > maxBytes) {
            throw new XsiValidationException(Violation.of(field, bytes + " bytes",
                    "at most " + maxBytes + " bytes under the " + name() + " size profile", source));
        }
    }
}
