package io.phonectl.sim.execute;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits that a single loopback page server cannot reach end to end: 8 sessions, Refresh header forms. */
class BrowserRulesTest {

    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"8,h0", "9,h1"})
    void eightSessionsThenTheLeastRecentlyUsedIsDropped(int hosts, String first) {
        CookieJar jar = new CookieJar();
        for (int i = 0; i < hosts; i++) {
            jar.keep("h" + i, List.of("s=" + i), T0.plusSeconds(i));
        }
        List<Map<String, Object>> view = jar.view(T0.plusSeconds(hosts));
        assertThat(view).hasSize(Math.min(hosts, CookieJar.MAX_SESSIONS));
        assertThat(view.getFirst().get("host")).isEqualTo(first);
    }

    @Test
    void usingASessionMakesItRecent() {
        CookieJar jar = new CookieJar();
        for (int i = 0; i < 8; i++) {
            jar.keep("h" + i, List.of("s=" + i), T0);
        }
        assertThat(jar.header("h0", T0)).isEqualTo("s=0");
        jar.keep("h8", List.of("s=8"), T0);
        assertThat(jar.header("h0", T0)).isEqualTo("s=0");
        assertThat(jar.header("h1", T0)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5|5|http://a/p", "5; url=/q|5|http://a/q", "2;URL=http://b/r|2|http://b/r", "86400|86400|http://a/p",
            "86401|-1|", "0|-1|", "-3|-1|", "soon|-1|", "''|-1|"})
    void refreshHeaderForms(String header, long seconds, String target) {
        var p = Refresher.parse("http://a/p", header, T0);
        if (seconds < 0) {
            assertThat(p).isEmpty();
        } else {
            assertThat(p).hasValueSatisfying(x -> {
                assertThat(x.due()).isEqualTo(T0.plusSeconds(seconds));
                assertThat(x.target()).isEqualTo(target);
            });
        }
    }
}
