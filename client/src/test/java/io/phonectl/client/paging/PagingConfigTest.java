package io.phonectl.client.paging;

import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingConfigTest {

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource({
            "loops, 1, ok", "loops, 100, ok", "loops, 0, loops", "loops, 101, loops",
            "volume, 0, ok", "volume, 100, ok", "volume, -1, volume", "volume, 101, volume",
            "port, 20480, ok", "port, 32768, ok", "port, 20478, port", "port, 32770, port", "port, 20481, even",
            "concurrency, 1, ok", "concurrency, 10000, ok", "concurrency, 0, concurrency", "concurrency, 10001, concurrency",
            "ttl, 0, ok", "ttl, 255, ok", "ttl, -1, multicastTtl", "ttl, 256, multicastTtl"})
    void bothSidesOfEveryLimit(String field, int value, String expected) {
        PagingConfig.Builder b = PagingConfig.builder();
        switch (field) {
            case "loops" -> b.loops(value);
            case "volume" -> b.volume(value);
            case "port" -> b.unicast(value);
            case "concurrency" -> b.concurrency(value);
            case "ttl" -> b.multicastTtl(value);
            default -> throw new IllegalArgumentException(field);
        }
        if (expected.equals("ok")) {
            assertThat(b.build()).isNotNull();
        } else {
            assertThatThrownBy(b::build).isInstanceOf(XsiValidationException.class)
                    .hasMessageContaining(expected).hasMessageContaining(String.valueOf(value)).hasMessageContaining("source:");
        }
    }

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @CsvSource({"239.1.2.3, 20480, ok", "224.0.0.1, 32768, ok", "127.0.0.1, 20480, multicast", "239.1.2.3, 20481, even",
            "239.1.2.3, 20478, port", "239.1.2.3, 32770, port"})
    void multicastGroupFollowsTheRtpMRxRules(String group, int port, String expected) throws Exception {
        PagingConfig.Builder b = PagingConfig.builder().multicast(new InetSocketAddress(InetAddress.getByName(group), port));
        if (expected.equals("ok")) {
            assertThat(b.build().multicast()).isTrue();
        } else {
            assertThatThrownBy(b::build).isInstanceOf(XsiValidationException.class).hasMessageContaining(expected);
        }
    }

    @Test
    void defaultsAreUnicastFromTheLowestLegalPortOnce() {
        PagingConfig c = PagingConfig.builder().build();
        assertThat(c.multicast()).isFalse();
        assertThat(c.basePort()).isEqualTo(20480);
        assertThat(c.loops()).isEqualTo(1);
        assertThat(c.api()).isNull();
        assertThat(c.multicastTtl()).isEqualTo(2);
        assertThatThrownBy(() -> PagingConfig.builder().requestTimeout(Duration.ZERO).build())
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("requestTimeout");
    }
}
