package io.phonectl.xsi.object;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every numeric limit: the limit itself is accepted, one more is rejected with a violation naming the field. */
class LimitsTest {

    private static String s(int n) {
        return "x".repeat(n);
    }

    private static <T> List<T> n(int count, IntFunction<T> f) {
        List<T> l = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            l.add(f.apply(i));
        }
        return l;
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("Title", 32, (IntFunction<Object>) k -> Text.builder().title(s(k)).build(), "Title"),
                Arguments.of("Prompt", 32, (IntFunction<Object>) k -> Menu.builder().prompt(s(k)).build(), "Prompt"),
                Arguments.of("Menu items", 100, (IntFunction<Object>) k -> new Menu(null, null,
                        n(k, i -> MenuItem.of("i" + i, "Key:Services")), null, null), "MenuItem"),
                Arguments.of("MenuItem Name", 64, (IntFunction<Object>) k -> Menu.builder().item(s(k), "u").build(),
                        "MenuItem[0].Name"),
                Arguments.of("Text", 4000, (IntFunction<Object>) k -> Text.builder().text(s(k)).build(), "Text"),
                Arguments.of("Input items", 5, (IntFunction<Object>) k -> new Input(null, null, "http://s/", null,
                        n(k, i -> InputItem.of("n", "q" + i, "A")), null, null), "InputItem"),
                Arguments.of("Directory entries", 32, (IntFunction<Object>) k -> new Directory(null, null,
                        n(k, i -> new DirectoryEntry("n", "1")), null, null), "DirectoryEntry"),
                Arguments.of("IconMenu items", 32, (IntFunction<Object>) k -> new IconMenu(null, null,
                        n(k, i -> MenuItem.withIcon(0, "n", "u")), null, null, null), "MenuItem"),
                Arguments.of("IconMenu icons", 10, (IntFunction<Object>) k -> new IconMenu(null, null, null, null,
                        n(k, i -> new IconItem(i % 10, Bitmap.blank(1, 1, 1))), null), "IconItem"),
                Arguments.of("IconFileMenu icons", 10, (IntFunction<Object>) k -> new IconFileMenu(null, null, null,
                        null, n(k, i -> new IconFileItem(i % 10, "Resource:Icon.Checked")), null), "IconItem"),
                Arguments.of("Icon width", 16, (IntFunction<Object>) k -> IconMenu.builder().icon(0,
                        Bitmap.blank(k, 10, 2)).build(), "IconItem[0].Width"),
                Arguments.of("Icon height", 10, (IntFunction<Object>) k -> IconMenu.builder().icon(0,
                        Bitmap.blank(16, k, 2)).build(), "IconItem[0].Height"),
                Arguments.of("IconFile image width", 18, (IntFunction<Object>) k -> {
                    IconFileItem.checkImageSize(k, 18);
                    return k;
                }, "IconItem.Width"),
                Arguments.of("IconFile image height", 18, (IntFunction<Object>) k -> {
                    IconFileItem.checkImageSize(18, k);
                    return k;
                }, "IconItem.Height"),
                Arguments.of("GraphicMenu items", 12, (IntFunction<Object>) k -> new GraphicMenu(null, null, null,
                        null, null, Bitmap.blank(1, 1, 1), n(k, i -> MenuItem.of("n", "u")), null, null), "MenuItem"),
                Arguments.of("GraphicMenu width", 133, (IntFunction<Object>) k -> GraphicMenu.builder()
                        .bitmap(Bitmap.blank(k, 65, 2)).build(), "Width"),
                Arguments.of("GraphicMenu height", 65, (IntFunction<Object>) k -> GraphicMenu.builder()
                        .bitmap(Bitmap.blank(133, k, 2)).build(), "Height"),
                Arguments.of("GraphicMenu hexBinary bytes", 2162, (IntFunction<Object>) k -> GraphicMenu.builder()
                        .bitmap(new Bitmap(133, 65, 2, "00".repeat(k))).build(), "Data"),
                Arguments.of("Image depth", 2, (IntFunction<Object>) k -> Image.builder()
                        .bitmap(Bitmap.blank(8, 1, k)).build(), "Depth"),
                Arguments.of("Status text", 32, (IntFunction<Object>) k -> Status.of(s(k), null), "Text"),
                Arguments.of("Status width", 106, (IntFunction<Object>) k -> new Status("s", null, null, null,
                        Bitmap.blank(k, 21, 1)), "Width"),
                Arguments.of("Status height", 21, (IntFunction<Object>) k -> new Status("s", null, null, null,
                        Bitmap.blank(106, k, 1)), "Height"),
                Arguments.of("StatusFile text", 32, (IntFunction<Object>) k -> new StatusFile(s(k), null, null, null,
                        "http://s/i.png"), "Text"),
                Arguments.of("Execute items", 3, (IntFunction<Object>) k -> new Execute(n(k, i -> ExecuteItem.of("Key:Services"))),
                        "ExecuteItem"),
                Arguments.of("Execute HTTP URLs", 1, (IntFunction<Object>) k -> new Execute(n(k, i -> ExecuteItem.of("HTTP://s/" + i))),
                        "ExecuteItem"),
                Arguments.of("Execute URL length", 256, (IntFunction<Object>) k -> Execute.of("Dial:" + "1".repeat(k - 5)),
                        "ExecuteItem[0].URL"),
                Arguments.of("Priority", 2, (IntFunction<Object>) k -> Execute.builder().item(k, "http://s/").build(),
                        "ExecuteItem[0].Priority"),
                Arguments.of("SoftKey position", 16, (IntFunction<Object>) k -> Text.builder()
                        .softKey(SoftKeyItem.of("k", k, "SoftKey:Exit")).build(), "SoftKeyItem[0].Position"),
                Arguments.of("SoftKey name (KeyItem)", 32, (IntFunction<Object>) k -> Text.builder()
                        .softKey(SoftKeyItem.of(s(k), 1, "SoftKey:Exit")).build(), "SoftKeyItem[0].Name"),
                Arguments.of("SoftKeys", 16, (IntFunction<Object>) k -> new Text(null, null, "t",
                        n(k, i -> SoftKeyItem.of("k", 1 + i % 16, "SoftKey:Exit")), null), "SoftKeyItem"),
                Arguments.of("appId length", 64, (IntFunction<Object>) k -> Text.builder().events(AppEvents.of(s(k)))
                        .build(), "appId"));
    }

    @ParameterizedTest(name = "{0}: {1} accepted, {1}+1 rejected")
    @MethodSource("limits")
    void limitIsAcceptedAndOneMoreIsRejected(String name, int limit, IntFunction<Object> make, String field) {
        assertThatCode(() -> make.apply(limit)).doesNotThrowAnyException();
        assertThatThrownBy(() -> make.apply(limit + 1)).isInstanceOf(XsiValidationException.class)
                .satisfies(e -> assertThat(((XsiValidationException) e).violations()).extracting(Violation::field)
                        .contains(field));
    }

    static Stream<Arguments> lowerBounds() {
        return Stream.of(
                Arguments.of("SoftKey position -1 (apps key)", (IntFunction<Object>) k -> Text.builder()
                        .softKey(SoftKeyItem.of("k", k, "SoftKey:Exit")).build(), -1, 0, "SoftKeyItem[0].Position"),
                Arguments.of("SoftKey position 1", (IntFunction<Object>) k -> Text.builder()
                        .softKey(SoftKeyItem.of("k", k, "SoftKey:Exit")).build(), 1, -2, "SoftKeyItem[0].Position"),
                Arguments.of("Image depth 1", (IntFunction<Object>) k -> Image.builder()
                        .bitmap(Bitmap.blank(8, 1, k)).build(), 1, 0, "Depth"),
                Arguments.of("Priority 0", (IntFunction<Object>) k -> Execute.builder().item(k, "http://s/").build(),
                        0, -1, "ExecuteItem[0].Priority"),
                Arguments.of("Execute at least one item", (IntFunction<Object>) k -> new Execute(n(k,
                        i -> ExecuteItem.of("Key:Services"))), 1, 0, "ExecuteItem"),
                Arguments.of("Location -1 centres", (IntFunction<Object>) k -> ImageFile.builder().location(k, 0)
                        .url("http://s/i.png").build(), -1, -2, "LocationX"),
                Arguments.of("Status timer", (IntFunction<Object>) k -> Status.of("s", k), 0, -1, "Timer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lowerBounds")
    void lowerBoundIsAcceptedAndOneLessIsRejected(String name, IntFunction<Object> make, int ok, int bad, String field) {
        assertThatCode(() -> make.apply(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> make.apply(bad)).isInstanceOf(XsiValidationException.class)
                .satisfies(e -> assertThat(((XsiValidationException) e).violations()).extracting(Violation::field)
                        .contains(field));
    }
}
