package io.phonectl.xsi.object;

import io.phonectl.xsi.component.Codec;
import io.phonectl.xsi.component.MediaMode;
import io.phonectl.xsi.component.MediaStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials (Notify base64 user:pass, URL user-info) never appear in toString or violation messages. */
class RedactionTest {

    private static final String SECRET = "dXNlcjpwYXNz";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Notify:http:srv:80:path:dXNlcjpwYXNz:data|Notify:http:srv:80:path:***:data",
            "Notify:http:srv:80:path:dXNlcjpwYXNz|Notify:http:srv:80:path:***",
            "Notify:http:srv:80:path|Notify:http:srv:80:path",
            "http://admin:dXNlcjpwYXNz@127.0.0.1/x|http://***@127.0.0.1/x",
            "http://127.0.0.1/a@b|http://127.0.0.1/a@b",
            "Key:Services; Notify:http:h:80:p:dXNlcjpwYXNz|Key:Services; Notify:http:h:80:p:***"})
    void redact(String in, String out) {
        assertThat(Urls.redact(in)).isEqualTo(out);
    }

    @Test
    void toStringsAndViolationsHideCredentials() {
        String notify = "Notify:http:srv:80:path:" + SECRET;
        assertThat(AppEvents.of("A/B").withClosed(notify).toString()).doesNotContain(SECRET);
        assertThat(new SoftKeyItem("k", 1, notify, notify).toString()).doesNotContain(SECRET);
        assertThat(new ExecuteItem(0, "http://u:" + SECRET + "@h/").toString()).doesNotContain(SECRET);
        assertThat(MediaStream.audio(Codec.G711, MediaMode.SEND, "h", 20480).withOnStopped(notify).toString())
                .doesNotContain(SECRET);
        assertThatThrownBy(() -> Menu.builder().events(AppEvents.of("A/B")
                .withClosed("http://u:" + SECRET + "@h/")).build()).message().doesNotContain(SECRET);
        assertThatThrownBy(() -> Execute.of("http://u:" + SECRET + "@h/" + "x".repeat(300))).message()
                .doesNotContain(SECRET);
    }
}
