package io.phonectl.xsi.validate;

import io.phonectl.xsi.object.AppEvents;
import io.phonectl.xsi.object.Directory;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.GraphicFileMenu;
import io.phonectl.xsi.object.GraphicMenu;
import io.phonectl.xsi.object.IconFileMenu;
import io.phonectl.xsi.object.IconMenu;
import io.phonectl.xsi.object.Image;
import io.phonectl.xsi.object.ImageFile;
import io.phonectl.xsi.object.Input;
import io.phonectl.xsi.object.Menu;
import io.phonectl.xsi.object.MenuItem;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.SetBackground;
import io.phonectl.xsi.object.SetRingTone;
import io.phonectl.xsi.object.SoftKeyItem;
import io.phonectl.xsi.object.Status;
import io.phonectl.xsi.object.StatusFile;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.object.Urls;
import io.phonectl.xsi.object.XsiObject;

import java.util.ArrayList;
import java.util.List;

/** The URL-carrying parts of a display object, by where they sit (the field names used in reports). */
final class ObjectUris {

    /** A URL or URI found in an object, with the path of the field that holds it. */
    record Found(String field, String value) {
    }

    /** The parts of an object that model rules look at. */
    record Parts(List<SoftKeyItem> softKeys, AppEvents events, List<Found> urls) {
    }

    private ObjectUris() {
    }

    static Parts of(XsiObject o) {
        List<Found> urls = new ArrayList<>();
        return switch (o) {
            case Menu m -> new Parts(m.softKeys(), m.events(), items(m.items(), urls));
            case Text t -> new Parts(t.softKeys(), t.events(), urls);
            case Input i -> new Parts(i.softKeys(), i.events(), urls);
            case Directory d -> new Parts(d.softKeys(), d.events(), urls);
            case Image i -> new Parts(i.softKeys(), i.events(), urls);
            case ImageFile i -> new Parts(i.softKeys(), i.events(), urls);
            case GraphicMenu g -> new Parts(g.softKeys(), g.events(), items(g.items(), urls));
            case GraphicFileMenu g -> new Parts(g.softKeys(), g.events(), items(g.items(), urls));
            case IconMenu i -> new Parts(i.softKeys(), i.events(), items(i.items(), urls));
            case IconFileMenu i -> {
                items(i.items(), urls);
                for (int k = 0; k < i.icons().size(); k++) {
                    urls.add(new Found("IconItem[" + k + "].URL", i.icons().get(k).url()));
                }
                yield new Parts(i.softKeys(), i.events(), urls);
            }
            case Execute e -> none(); // its items are read once, by PushItem.readAll
            case Status s -> none();
            case StatusFile s -> none();
            case Response r -> none();
            case PhoneError e -> none();
            case SetBackground b -> none();
            case SetRingTone r -> none();
        };
    }

    /** Softkey URLs and URLDowns, and every URI of every event handler (handlers chain URIs with ';'). */
    static List<Found> softKeyAndHandlerUris(Parts parts) {
        List<Found> out = new ArrayList<>();
        for (int k = 0; k < parts.softKeys().size(); k++) {
            SoftKeyItem s = parts.softKeys().get(k);
            if (s.url() != null) {
                out.add(new Found("SoftKeyItem[" + k + "].URL", s.url()));
            }
            if (s.urlDown() != null) {
                out.add(new Found("SoftKeyItem[" + k + "].URLDown", s.urlDown()));
            }
        }
        for (String attribute : AppEvents.ATTRIBUTES) {
            if (!attribute.equals("appId")) {
                for (String uri : Urls.handlerUris(parts.events().value(attribute))) {
                    out.add(new Found(attribute, uri));
                }
            }
        }
        return out;
    }

    private static Parts none() {
        return new Parts(List.of(), AppEvents.NONE, List.of());
    }

    private static List<Found> items(List<MenuItem> items, List<Found> urls) {
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k).url() != null) {
                urls.add(new Found("MenuItem[" + k + "].URL", items.get(k).url()));
            }
        }
        return urls;
    }
}
