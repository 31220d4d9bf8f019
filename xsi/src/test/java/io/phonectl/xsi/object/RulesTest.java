package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTest {

    private static XsiValidationException invalid(Runnable r) {
        try {
            r.run();
        } catch (XsiValidationException e) {
            return e;
        }
        throw new AssertionError("expected a validation failure");
    }

    @ParameterizedTest
    @CsvSource({"A,true", "T,true", "N,true", "E,true", "U,true", "L,true", "AP,true", "PA,true", "NP,true", "PN,true",
            "P,false", "X,false", "APP,false", "AA,false", "ap,false", "AN,false", "' A',false"})
    void inputFlagsAlphabetWithPasswordModifier(String flags, boolean valid) {
        Runnable make = () -> Input.builder().url("http://s/").item(InputItem.of("n", "q", flags)).build();
        if (valid) {
            assertThatCode(make::run).doesNotThrowAnyException();
        } else {
            assertThat(invalid(make).violations()).extracting(Violation::field).containsExactly("InputItem[0].InputFlags");
        }
    }

    @Test
    void inputFlagsAccessors() {
        assertThat(new InputFlags("PA").type()).isEqualTo('A');
        assertThat(new InputFlags("PA").password()).isTrue();
        assertThat(InputFlags.of('N', false).password()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://s/x", "HTTPS://s/x", "Http://s", " https://s"})
    void urlDownMustNotBeHttp(String url) {
        var e = invalid(() -> Text.builder().softKey(new SoftKeyItem("k", 1, "SoftKey:Exit", url)).build());
        assertThat(e.violations().get(0).field()).isEqualTo("SoftKeyItem[0].URLDown");
        assertThat(e.violations().get(0).source()).isEqualTo(Sources.CONTROL_SPEC);
    }

    @Test
    void urlDownMayBeAnInternalUri() {
        assertThatCode(() -> Text.builder().softKey(new SoftKeyItem("k", 1, "http://s/", "Key:Speaker")).build())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"http://a/b|false", "HTTPS://a|false", "Init:Services; http://x/|false",
            "Notify:http:srv:80:path|true", "Init:Services; Key:Services|true"})
    void onAppClosedMayNotContainHttpUrls(String value, boolean valid) {
        Runnable make = () -> Menu.builder().events(AppEvents.of("A/B").withClosed(value)).build();
        if (valid) {
            assertThatCode(make::run).doesNotThrowAnyException();
        } else {
            assertThat(invalid(make).violations()).extracting(Violation::field).containsExactly("onAppClosed");
        }
    }

    @Test
    void otherHandlersMayUseHttpButNotAppPriorityZero() {
        assertThatCode(() -> Menu.builder().events(AppEvents.of("A/B").withFocusLost("http://s/lost")).build())
                .doesNotThrowAnyException();
        assertThat(invalid(() -> Menu.builder().events(AppEvents.of("A/B")
                .withMinimized("App:RequestFocus:0:60:A/B")).build()).violations())
                .extracting(Violation::field).containsExactly("onAppMinimized");
        assertThatCode(() -> Menu.builder().events(AppEvents.of("A/B").withMinimized("App:RequestFocus:1:60:A/B")).build())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b"})
    void appIdIsOneTo64CharsWithoutColons(String appId) {
        assertThat(invalid(() -> Text.builder().events(AppEvents.of(appId)).build()).violations())
                .extracting(Violation::field).contains("appId");
    }

    @Test
    void textAllowsOnlyCrLfTabControlCharacters() {
        assertThatCode(() -> Text.builder().text("a\r\nb\tc").build()).doesNotThrowAnyException();
        var e = invalid(() -> Text.builder().text("bell\u0007").build());
        assertThat(e.getMessage()).contains("U+0007").contains("Text").contains(Sources.NOTES_OBJECTS);
    }

    @ParameterizedTest
    @CsvSource({"8,1,1,2,true", "8,1,1,4,false", "3,2,2,4,true", "3,2,2,2,false", "1,1,1,2,true", "133,65,2,4324,true"})
    void dataHexLengthMatchesWidthHeightDepth(int w, int h, int d, int hexLen, boolean valid) {
        Runnable make = () -> Image.builder().bitmap(new Bitmap(w, h, d, "F".repeat(hexLen))).build();
        if (valid) {
            assertThatCode(make::run).doesNotThrowAnyException();
        } else {
            assertThat(invalid(make).violations()).extracting(Violation::field).containsExactly("Data");
        }
    }

    @Test
    void dataMustBeHex() {
        assertThat(invalid(() -> Image.builder().bitmap(new Bitmap(8, 1, 1, "GG")).build()).getMessage())
                .contains("hexBinary");
    }

    @Test
    void allViolationsOfOneObjectAreReportedTogetherWithFieldValueRuleSource() {
        var e = invalid(() -> Menu.builder().title("t".repeat(33)).prompt("p".repeat(40))
                .softKey(SoftKeyItem.of("k", 0, "SoftKey:Exit")).build());
        assertThat(e.violations()).extracting(Violation::field).containsExactly("Title", "Prompt", "SoftKeyItem[0].Position");
        assertThat(e.violations().get(0).message()).isEqualTo("Title = \"" + "t".repeat(33)
                + "\": at most 32 characters, got 33 (source: " + Sources.CONTROL_SPEC + ")");
    }

    @Test
    void priorityIsKeptForInternalUrisToo() {
        // Phones ignore Priority for internal URIs; the value is kept (not rewritten) so the sender's intent survives.
        assertThat(Execute.builder().item(2, "Key:Services").build().items().get(0).priority()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"http://x,true", "HTTPS://x,true", "HtTp:x,true", "Key:Services,false", "Notify:http:h:80:p,false",
            "httpx://x,false", "'',false"})
    void isHttpComparesTheSchemeCaseInsensitively(String url, boolean http) {
        assertThat(Urls.isHttp(url)).isEqualTo(http);
    }

    @Test
    void responseStatusTable() {
        assertThat(ResponseStatus.find(6, "No Active Call")).isEqualTo(ResponseStatus.NO_ACTIVE_CALL);
        assertThat(ResponseStatus.find(1, "Invalid URI")).isEqualTo(ResponseStatus.INVALID_URI);
        assertThat(ResponseStatus.find(6, "something else")).isNull();
        assertThat(Response.of(ResponseItem.of("Key:Services", ResponseStatus.SUCCESS)).allSucceeded()).isTrue();
        assertThat(Response.of(ResponseItem.of("X:Y", ResponseStatus.URI_NOT_FOUND)).allSucceeded()).isFalse();
        assertThat(PhoneError.of(4).meaning()).isEqualTo("Authentication error");
    }

    @Test
    void requiredUrlsOfFileObjects() {
        assertThatThrownBy(() -> ImageFile.builder().build()).isInstanceOf(XsiValidationException.class)
                .hasMessageContaining("URL");
        assertThatThrownBy(() -> new SetBackground("http://s/a.png", null)).hasMessageContaining("background.icon");
        assertThatThrownBy(() -> new SetRingTone("")).hasMessageContaining("ringTone");
    }
}
