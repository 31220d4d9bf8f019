package io.phonectl.sim.execute;

import io.phonectl.sim.image.CipImage;
import io.phonectl.sim.image.Icons;
import io.phonectl.sim.image.Picture;
import io.phonectl.sim.phone.InputForm;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.object.AppEvents;
import io.phonectl.xsi.object.Directory;
import io.phonectl.xsi.object.GraphicFileMenu;
import io.phonectl.xsi.object.GraphicMenu;
import io.phonectl.xsi.object.IconFileItem;
import io.phonectl.xsi.object.IconFileMenu;
import io.phonectl.xsi.object.IconItem;
import io.phonectl.xsi.object.IconMenu;
import io.phonectl.xsi.object.Image;
import io.phonectl.xsi.object.ImageFile;
import io.phonectl.xsi.object.Input;
import io.phonectl.xsi.object.Limits;
import io.phonectl.xsi.object.Menu;
import io.phonectl.xsi.object.MenuItem;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.object.XsiObject;
import io.phonectl.xsi.uri.ResourceUri;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a display object looks like on the screen stack. Default softkeys apply when the object brings none
 * (custom softkeys replace all defaults, reference notes §2.4). Pixel data is drawn: inline CIP bitmaps are decoded,
 * the PNGs of ImageFile, GraphicFileMenu and IconFileMenu are fetched as the phone fetches them ({@link PhoneImages});
 * an image that cannot be had leaves the screen without it and its reason on the prompt line, an icon that cannot be
 * had is shown as the unknown icon.
 */
final class ObjectScreens {

    private final PhoneImages images;

    ObjectScreens(PhoneImages images) {
        this.images = images;
    }

    /** Whether the object is shown on the screen stack (not Execute, Status, settings…). */
    static boolean displayable(XsiObject o) {
        return switch (o) {
            case Text t -> true;
            case Menu m -> true;
            case IconMenu m -> true;
            case IconFileMenu m -> true;
            case GraphicMenu m -> true;
            case GraphicFileMenu m -> true;
            case Directory d -> true;
            case Input i -> true;
            case Image i -> true;
            case ImageFile i -> true;
            default -> false;
        };
    }

    /** The screen for a displayable object (fetching its images for {@code phone}); empty for the others. */
    Optional<Screen> of(SimPhone phone, XsiObject o, String source) {
        AppEvents ev = events(o);
        return screen(phone, o, source).map(s -> ev == null || ev.appId() == null ? s : s.withEvents(ev));
    }

    /** The Application Management event handlers an object carries, or null. */
    static AppEvents events(XsiObject o) {
        return switch (o) {
            case Text t -> t.events();
            case Menu m -> m.events();
            case IconMenu m -> m.events();
            case IconFileMenu m -> m.events();
            case GraphicMenu m -> m.events();
            case GraphicFileMenu m -> m.events();
            case Directory d -> d.events();
            case Input i -> i.events();
            case Image i -> i.events();
            case ImageFile i -> i.events();
            default -> null;
        };
    }

    private Optional<Screen> screen(SimPhone phone, XsiObject o, String source) {
        List<Screen.SoftKey> page = List.of(key("Update", "SoftKey:Update", 1), key("Exit", "SoftKey:Exit", 3));
        return Optional.ofNullable(switch (o) {
            case Text t -> screen(Screen.Kind.TEXT, t.title(), t.text(), List.of(), t.softKeys(), t.prompt(), source, page);
            case Menu m -> menu(m.title(), m.prompt(), items(m.items(), Map.of()), m.softKeys(), source);
            case IconMenu m -> menu(m.title(), m.prompt(), items(m.items(), inlineIcons(m.icons())), m.softKeys(), source);
            case IconFileMenu m -> menu(m.title(), m.prompt(), items(m.items(), fileIcons(phone, m.icons())), m.softKeys(),
                    source);
            case GraphicMenu m -> menu(m.title(), m.prompt(), items(m.items(), Map.of()), m.softKeys(), source)
                    .withGraphic(placed(CipImage.decode(m.bitmap()), m.locationX(), m.locationY()));
            case GraphicFileMenu m -> withFile(phone, menu(m.title(), m.prompt(), items(m.items(), Map.of()), m.softKeys(),
                    source), m.url(), m.locationX(), m.locationY());
            case Directory d -> screen(Screen.Kind.DIRECTORY, d.title(), "",
                    d.entries().stream().map(e -> new Screen.Item(e.name() + "  " + e.telephone(),
                            "Dial:" + e.telephone())).toList(), d.softKeys(), d.prompt(), source,
                    List.of(key("Dial", "SoftKey:Dial", 1), key("EditDial", "SoftKey:EditDial", 2),
                            key("Exit", "SoftKey:Exit", 3)));
            case Input i -> screen(Screen.Kind.INPUT, i.title(), "",
                    i.items().stream().map(it -> InputForm.field(it.displayName(), it.queryStringParam(),
                            it.defaultValue() == null ? "" : it.defaultValue())).toList(),
                    i.softKeys(), i.prompt(), InputForm.SOURCE + i.url(),
                    List.of(key("Submit", "SoftKey:Submit", 1), key("<<", "SoftKey:<<", 2), key("Cancel", "SoftKey:Cancel", 3)));
            case Image im -> screen(Screen.Kind.IMAGE, im.title(), "", List.of(), im.softKeys(), im.prompt(), source, page)
                    .withGraphic(placed(CipImage.decode(im.bitmap()), im.locationX(), im.locationY()));
            case ImageFile im -> withFile(phone, screen(Screen.Kind.IMAGE, im.title(), "", List.of(), im.softKeys(),
                    im.prompt(), source, page), im.url(), im.locationX(), im.locationY());
            default -> null;
        });
    }

    /** The screen with the PNG at {@code url} (at most the model's display), or with why not on its prompt line. */
    private Screen withFile(SimPhone phone, Screen s, String url, Integer x, Integer y) {
        return switch (images.load(phone, url, phone.model().width(), phone.model().height())) {
            case PhoneImages.Loaded.Ok ok -> s.withGraphic(placed(ok.picture(), x, y));
            case PhoneImages.Loaded.Failed f -> s.withPrompt(f.prompt());
        };
    }

    /** LocationX/LocationY; absent is read as centred, as -1/-1 asks. */
    private static Screen.Graphic placed(Picture p, Integer x, Integer y) {
        return x == null || y == null ? new Screen.Graphic(p, -1, -1) : new Screen.Graphic(p, x, y);
    }

    private static Map<Integer, Picture> inlineIcons(List<IconItem> icons) {
        Map<Integer, Picture> m = new HashMap<>();
        icons.forEach(i -> m.put(i.index(), CipImage.decode(i.bitmap())));
        return m;
    }

    /** IconFileMenu icons: a {@code Resource:} icon is built in, a URL is fetched (at most 18 x 18, control spec). */
    private Map<Integer, Picture> fileIcons(SimPhone phone, List<IconFileItem> icons) {
        Map<Integer, Picture> m = new HashMap<>();
        for (IconFileItem i : icons) {
            Picture p;
            if (i.url().startsWith("Resource:")) {
                p = Icons.resource(i.url().substring("Resource:".length()), ResourceUri.ICONS);
            } else {
                p = switch (images.load(phone, i.url(), Limits.ICON_FILE_WIDTH, Limits.ICON_FILE_HEIGHT)) {
                    case PhoneImages.Loaded.Ok ok -> ok.picture();
                    case PhoneImages.Loaded.Failed f -> Icons.UNKNOWN;
                };
            }
            m.put(i.index(), p);
        }
        return m;
    }

    private static List<Screen.Item> items(List<MenuItem> items, Map<Integer, Picture> icons) {
        return items.stream().map(i -> new Screen.Item(i.name(), i.url(),
                i.iconIndex() == null ? null : icons.get(i.iconIndex()))).toList();
    }

    private static Screen menu(String title, String prompt, List<Screen.Item> items, List<SoftKeyItem> softKeys, String source) {
        return screen(Screen.Kind.MENU, title, "", items, softKeys, prompt, source,
                List.of(key("Select", "SoftKey:Select", 1), key("Exit", "SoftKey:Exit", 3)));
    }

    private static Screen screen(Screen.Kind kind, String title, String text, List<Screen.Item> items,
                                 List<SoftKeyItem> softKeys, String prompt, String source, List<Screen.SoftKey> defaults) {
        List<Screen.SoftKey> keys = softKeys == null || softKeys.isEmpty() ? defaults
                : softKeys.stream().map(k -> key(k.name(), k.url(), k.position())).toList();
        return new Screen(kind, title, text, items, 0, keys, prompt, source);
    }

    private static Screen.SoftKey key(String name, String url, int position) {
        return new Screen.SoftKey(name, url, position);
    }
}
