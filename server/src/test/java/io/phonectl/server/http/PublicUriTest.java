package io.phonectl.server.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public URI's rules, table-driven, with the length boundary; a refused value with a password never shows it. */
class PublicUriTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://phonectl.example.org:8443 | https://phonectl.example.org:8443",
            "HTTP://Phonectl.Example.org/ | http://phonectl.example.org",
            "http://10.1.2.3:8080/phonectl/// | http://10.1.2.3:8080/phonectl",
            "http://[::1]:8080 | http://[::1]:8080",
            "  https://host  | https://host"})
    void acceptedAndNormalised(String in, String out) {
        assertThat(PublicUri.parse(in)).isEqualTo(URI.create(out));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://host | an absolute http:// or https:// URI",
            "/relative/path | an absolute http:// or https:// URI",
            "mailto:someone@example.org | an absolute http:// or https:// URI",
            "http://host/?token=1 | no query",
            "http://host/#top | no fragment",
            "http://:8080/ | a host name",
            "http://host:0 | port 1..65535",
            "http://ho st | a URI (Illegal character"})
    void refusedWithTheRule(String in, String rule) {
        assertThatThrownBy(() -> PublicUri.parse(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publicUri = ").hasMessageContaining(rule)
                .hasMessageContaining("phonectl serve --public-url");
    }

    @Test
    void userInformationIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> PublicUri.parse("https://admin:hunter2@host:8443"))
                .hasMessageContaining("no user information").hasMessageNotContaining("hunter2");
    }

    @Test
    void lengthBoundary() {
        String prefix = "http://h/";
        String longest = prefix + "p".repeat(PublicUri.MAX_CHARS - prefix.length());
        assertThat(PublicUri.parse(longest).toString()).hasSize(PublicUri.MAX_CHARS);
        assertThatThrownBy(() -> PublicUri.parse(longest + "p")).hasMessageContaining("at most 200 characters");
    }

    @Test
    void httpConfigChecksItAndDefaultsToNone() {
        assertThat(HttpConfig.loopback(0).publicUri()).isNull();
        assertThat(HttpConfig.loopback(0).withPublicUri(URI.create("https://h:1/x/")).publicUri())
                .isEqualTo(URI.create("https://h:1/x"));
        assertThatThrownBy(() -> HttpConfig.loopback(0).withPublicUri(URI.create("http://h/?q")))
                .hasMessageContaining("no query");
    }
}
