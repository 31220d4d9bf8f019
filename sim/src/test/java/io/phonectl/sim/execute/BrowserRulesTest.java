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

    static String noise(java.util.Random r, int max) {
        String alphabet = "0123456789;=, url=URL:/?#%[]\"\\\t\u00e9\u2603-";
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomRefreshHeadersAndSetCookiesNeverThrowAndKeepTheLimits(long seed) {
        java.util.Random r = new java.util.Random(seed);
        CookieJar jar = new CookieJar();
        for (int i = 0; i < 300; i++) {
            Refresher.parse("http://a/p", noise(r, 40), T0).ifPresent(p ->
                    assertThat(p.due()).isAfter(T0).isBeforeOrEqualTo(T0.plusSeconds(Refresher.MAX_SECONDS)));
            jar.keep("h" + r.nextInt(12), List.of(noise(r, 300), "k" + r.nextInt(9) + "=" + noise(r, 270)), T0.plusSeconds(i));
        }
        List<Map<String, Object>> view = jar.view(T0.plusSeconds(300));
        assertThat(view).hasSizeLessThanOrEqualTo(CookieJar.MAX_SESSIONS);
        assertThat(view).allSatisfy(v -> assertThat((List<?>) v.get("cookies")).hasSizeLessThanOrEqualTo(CookieJar.MAX_COOKIES_PER_HOST));
        for (int h = 0; h < 12; h++) {
            for (String c : jar.header("h" + h, T0.plusSeconds(300)).split("; ")) {
                assertThat(c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CookieJar.MAX_COOKIE_BYTES);
            }
        }
    }
}
