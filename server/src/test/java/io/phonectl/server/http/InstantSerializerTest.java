package io.phonectl.server.http;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's instants are the text {@link Instant#toString()} gives, written without a formatter. */
class InstantSerializerTest {

    /** What the API wrote before: Jackson's own java.time serializer. */
    private static final JsonMapper JACKSON = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static String json(Instant i) {
        return Json.mapper().writeValueAsString(i);
    }

    @Test
    void sameTextAsToStringAtTheEdges() {
        List<Instant> edges = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(-1, 999_999_999), Instant.ofEpochSecond(0, 1),
                Instant.ofEpochSecond(0, 1_000), Instant.ofEpochSecond(0, 1_000_000), Instant.ofEpochSecond(0, 100_000_000),
                Instant.ofEpochSecond(0, 123_456_000), Instant.ofEpochSecond(0, 123_456_789),
                Instant.ofEpochSecond(0, 120_000_000), Instant.ofEpochSecond(0, 999_999_000),
                Instant.parse("2000-02-29T23:59:59.999Z"), Instant.parse("2100-03-01T00:00:00Z"),
                Instant.parse("1900-02-28T12:00:00Z"), Instant.parse("1600-02-29T00:00:00Z"),
                Instant.parse("2026-12-31T23:59:59.000001Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                // outside 0001–9999: a sign or a fifth digit, left to toString
                Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T00:00:00Z"), Instant.MIN, Instant.MAX));
        for (Instant i : edges) {
            assertThat(json(i)).as("%s", i).isEqualTo("\"" + i + "\"").isEqualTo(JACKSON.writeValueAsString(i));
        }
    }

    @Test
    void sameTextAsToStringOverTheCalendar() {
        SplittableRandom random = new SplittableRandom(10);
        for (int k = 0; k < 200_000; k++) {
            long second = random.nextLong(InstantSerializer.MIN_SECOND - 86_400, InstantSerializer.MAX_SECOND + 86_400);
            int nanos = switch (k % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant i = Instant.ofEpochSecond(second, nanos);
            assertThat(json(i)).isEqualTo("\"" + i + "\"");
        }
        // every day of four centuries, at midnight and the day's last microsecond
        for (long day = -146_097 * 2; day < 146_097 * 2; day++) {
            Instant midnight = Instant.ofEpochSecond(day * 86_400);
            assertThat(json(midnight)).isEqualTo("\"" + midnight + "\"");
            Instant last = Instant.ofEpochSecond(day * 86_400 + 86_399, 999_999_000);
            assertThat(json(last)).isEqualTo("\"" + last + "\"");
        }
    }

    @Test
    void instantsInsideDocumentsAndRecords() {
        record Stamp(Instant at, Instant none) {
        }
        Instant at = Instant.parse("2026-12-05T23:05:00.123456Z");
        assertThat(Json.mapper().writeValueAsString(new Stamp(at, null)))
                .isEqualTo("{\"at\":\"2026-12-05T23:05:00.123456Z\",\"none\":null}");
    }
}
