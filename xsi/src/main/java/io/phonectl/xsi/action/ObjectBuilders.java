package io.phonectl.xsi.action;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.Bitmap;
import io.phonectl.xsi.object.Directory;
import io.phonectl.xsi.object.GraphicFileMenu;
import io.phonectl.xsi.object.GraphicMenu;
import io.phonectl.xsi.object.IconFileItem;
import io.phonectl.xsi.object.IconFileMenu;
import io.phonectl.xsi.object.IconMenu;
import io.phonectl.xsi.object.Image;
import io.phonectl.xsi.object.ImageFile;
import io.phonectl.xsi.object.Input;
import io.phonectl.xsi.object.InputItem;
import io.phonectl.xsi.object.Menu;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Status;
import io.phonectl.xsi.object.StatusFile;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.object.TouchArea;
import io.phonectl.xsi.object.XsiObject;

/**
 * Builds the display objects of the {@code object_*} actions from their parameters. The spec shows their content
 * as "..."; the count parameters (max_menu_items, ...) say how many sample items to generate, so that the objects'
 * own limits (not rules written here) decide what is too many.
 */
final class ObjectBuilders {

    private ObjectBuilders() {
    }

    static XsiObject menu(ActionArgs a) {
        Menu.Builder b = Menu.builder().title(a.string("title")).prompt(a.string("prompt"));
        for (int i = 1; i <= a.integer("max_menu_items", 1); i++) {
            b.item("Item " + i, a.string("url") + "?item=" + i);
        }
        return b.build();
    }

    static XsiObject text(ActionArgs a) {
        return Text.builder().title(a.string("title")).prompt(a.string("prompt")).text(a.string("text")).build();
    }

    static XsiObject input(ActionArgs a) {
        Input.Builder b = Input.builder().title(a.string("title")).url(a.string("url"));
        for (int i = 1; i <= a.integer("max_input_items", 1); i++) {
            b.item(InputItem.of("Field " + i, "f" + i, a.string("input_flags")));
        }
        return b.build();
    }

    static XsiObject directory(ActionArgs a) {
        Directory.Builder b = Directory.builder().title(a.string("title"));
        for (int i = 1; i <= a.integer("max_entries", 1); i++) {
            b.entry("Entry " + i, Integer.toString(1000 + i));
        }
        return b.build();
    }

    static XsiObject image(ActionArgs a) {
        return Image.builder().title(a.string("title"))
                .bitmap(blank(a.integer("width", 8), a.integer("height", 4), a.integer("depth", 1))).build();
    }

    static XsiObject imageFile(ActionArgs a) {
        return ImageFile.builder().title(a.string("title")).url(a.string("url")).build();
    }

    static XsiObject graphicMenu(ActionArgs a) {
        return GraphicMenu.builder().title(a.string("title")).bitmap(blank(8, 4, 1))
                .item("Choice 1", a.string("url")).build();
    }

    static XsiObject graphicFileMenu(ActionArgs a) {
        return GraphicFileMenu.builder().title(a.string("title")).url(a.string("image_url"))
                .item("Choice 1", a.string("url"), new TouchArea(0, 0, 10, 10)).build();
    }

    static XsiObject iconMenu(ActionArgs a) {
        int[] wh = dimensions(a, "icon_dimensions");
        return IconMenu.builder().title(a.string("title")).icon(0, blank(wh[0], wh[1], 2))
                .item(0, "Item 1", a.string("url")).build();
    }

    static XsiObject iconFileMenu(ActionArgs a) {
        int[] wh = dimensions(a, "icon_dimensions");
        IconFileItem.checkImageSize(wh[0], wh[1]);
        return IconFileMenu.builder().icon(0, a.string("icon_url")).item(0, "Item 1", a.string("url")).build();
    }

    static XsiObject status(ActionArgs a) {
        return Status.of(a.string("text"), a.integer("timer"));
    }

    static XsiObject statusFile(ActionArgs a) {
        return new StatusFile(a.string("text"), null, null, null, a.string("url"));
    }

    static XsiObject error(ActionArgs a) {
        return PhoneError.of(a.integer("number"));
    }

    /**
     * A blank bitmap. Absurd sizes get no pixel data rather than a huge string: the object then reports the size
     * (and the missing data) with its own rules.
     */
    private static Bitmap blank(int width, int height, int depth) {
        if (width <= 0 || height <= 0 || depth <= 0 || (long) width * height * depth > 1 << 20) {
            return new Bitmap(width, height, depth, "");
        }
        return Bitmap.blank(width, height, depth);
    }

    private static int[] dimensions(ActionArgs a, String name) {
        String v = a.string(name);
        if (v == null || !v.matches("\\d{1,4}x\\d{1,4}")) {
            throw new XsiValidationException(Violation.of(a.action().id() + "." + name, v,
                    "WIDTHxHEIGHT in pixels, e.g. 16x10", Sources.CONTROL_SPEC));
        }
        String[] p = v.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }
}
