package io.phonectl.sim.execute;

import io.phonectl.sim.phone.InputForm;
import io.phonectl.sim.phone.Screen;
import io.phonectl.xsi.object.AppEvents;
import io.phonectl.xsi.object.Directory;
import io.phonectl.xsi.object.GraphicFileMenu;
import io.phonectl.xsi.object.GraphicMenu;
import io.phonectl.xsi.object.IconFileMenu;
import io.phonectl.xsi.object.IconMenu;
import io.phonectl.xsi.object.Image;
import io.phonectl.xsi.object.ImageFile;
import io.phonectl.xsi.object.Input;
import io.phonectl.xsi.object.Menu;
import io.phonectl.xsi.object.MenuItem;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.object.XsiObject;

import java.util.List;
import java.util.Optional;

/**
 * What a display object looks like on the screen stack. Default softkeys apply when the object brings none
 * (custom softkeys replace all defaults, reference notes §2.4).
 */
final class ObjectScreens {

    private ObjectScreens() {
    }

    /** The screen for a displayable object; empty for objects that are not shown (Execute, Status, settings…). */
    static Optional<Screen> of(XsiObject o, String source) {
        AppEvents ev = events(o);
        return screen(o, source).map(s -> ev == null || ev.appId() == null ? s : s.withEvents(ev));
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

    private static Optional<Screen> screen(XsiObject o, String source) {
        return Optional.ofNullable(switch (o) {
            case Text t -> screen(Screen.Kind.TEXT, t.title(), t.text(), List.of(), t.softKeys(), t.prompt(), source,
                    List.of(key("Update", "SoftKey:Update", 1), key("Exit", "SoftKey:Exit", 3)));
            case Menu m -> menu(m.title(), m.prompt(), m.items(), m.softKeys(), source);
            case IconMenu m -> menu(m.title(), m.prompt(), m.items(), m.softKeys(), source);
            case IconFileMenu m -> menu(m.title(), m.prompt(), m.items(), m.softKeys(), source);
            case GraphicMenu m -> menu(m.title(), m.prompt(), m.items(), m.softKeys(), source);
            case GraphicFileMenu m -> menu(m.title(), m.prompt(), m.items(), m.softKeys(), source);
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
            case Image im -> screen(Screen.Kind.IMAGE, im.title(), "", List.of(), im.softKeys(), im.prompt(), source,
                    List.of(key("Update", "SoftKey:Update", 1), key("Exit", "SoftKey:Exit", 3)));
            case ImageFile im -> screen(Screen.Kind.IMAGE, im.title(), "[image " + im.url() + "]", List.of(),
                    im.softKeys(), im.prompt(), source, List.of(key("Update", "SoftKey:Update", 1), key("Exit", "SoftKey:Exit", 3)));
            default -> null;
        });
    }

    private static Screen menu(String title, String prompt, List<MenuItem> items, List<SoftKeyItem> softKeys, String source) {
        return screen(Screen.Kind.MENU, title, "", items.stream().map(i -> new Screen.Item(i.name(), i.url())).toList(),
                softKeys, prompt, source, List.of(key("Select", "SoftKey:Select", 1), key("Exit", "SoftKey:Exit", 3)));
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
