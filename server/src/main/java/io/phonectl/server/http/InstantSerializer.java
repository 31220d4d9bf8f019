package io.phonectl.server.http;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;

/**
 * An {@link Instant} as the text {@link Instant#toString()} gives ({@code 2026-12-05T23:05:00.123456Z}: UTC, the
 * fraction in groups of three digits, none when zero), written without {@link java.time.format.DateTimeFormatter}:
 * through it, every instant of a page of devices cost a LocalDateTime, a StringBuilder and a String. Years outside
 * 0001–9999 (a sign or a fifth digit) are left to {@code toString}.
 */
final class InstantSerializer extends StdSerializer<Instant> {

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
    static final long MIN_SECOND = -62_135_596_800L;
    static final long MAX_SECOND = 253_402_300_799L;

    InstantSerializer() {
        super(Instant.class);
    }

    /** The text's characters: a page of devices has hundreds of instants, each of which had an array of its own. */
    private static final ThreadLocal<char[]> TEXT = ThreadLocal.withInitial(() -> new char[30]);

    @Override
    public void serialize(Instant value, JsonGenerator g, SerializationContext ctxt) {
        char[] text = TEXT.get();
        int n = format(value, text);
        if (n < 0) {
            g.writeString(value.toString());
        } else {
            g.writeString(text, 0, n);
        }
    }

    /** Writes the text into {@code out} (30 chars at least); its length, or -1 for a year outside 0001–9999. */
    static int format(Instant value, char[] out) {
        long seconds = value.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return -1;
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // days to civil date (proleptic Gregorian), eras of 400 years starting on March 1st
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, dayOfMonth, 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int n = 19;
        int nanos = value.getNano();
        if (nanos != 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(out, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1_000 == 0) {
                digits(out, n, nanos / 1_000, 6);
                n += 6;
            } else {
                digits(out, n, nanos, 9);
                n += 9;
            }
        }
        out[n++] = 'Z';
        return n;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
