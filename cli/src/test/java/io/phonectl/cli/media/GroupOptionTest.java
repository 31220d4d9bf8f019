package io.phonectl.cli.media;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupOptionTest {

    @ParameterizedTest
    @CsvSource({"239.1.2.3:20480, 239.1.2.3, 20480", "224.0.0.255:32768, 224.0.0.255, 32768", "127.0.0.1:1, 127.0.0.1, 1"})
    void literalGroupsParseWithoutLookup(String text, String address, int port) {
        InetSocketAddress group = PageCommand.group(text);
        assertThat(group.getAddress().getHostAddress()).isEqualTo(address);
        assertThat(group.getPort()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "239.1.2.3", "239.1.2.3:", ":20480", "239.1.2:20480", "256.1.2.3:20480",
            "239.1.2.3:65536", "239.1.2.3:-2", "group.example:20480", "239.1.2.3:20480:1", "[::1]:20480", "239.1.2.3 :20480"})
    void anythingElseIsRefusedWithTheExpectedShape(String text) {
        assertThatThrownBy(() -> PageCommand.group(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GROUP:PORT");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedInputOnlyEverThrowsIllegalArgument(long seed) {
        Random random = new Random(seed);
        String alphabet = "0123456789.:abc-[] ";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder("239.1.2.3:20480");
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < sb.length()) {
                            sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            try {
                PageCommand.group(sb.toString());
            } catch (IllegalArgumentException expected) {
                // the only failure allowed
            }
        }
    }
}
