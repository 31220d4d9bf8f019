package io.phonectl.xsi.codec;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.*;

import java.util.ArrayList;
import java.util.List;

/** Maps a read tree onto display objects; the objects' constructors do the validation. */
final class ObjectReader {
    private ObjectReader() {
    }

    /** Null when the root is not a display object. */
    static XsiObject read(Node n, XsiCodec.Mode mode) {
        return switch (n.name) {
            case "CiscoIPPhoneMenu" -> new Menu(n.childText("Title"), n.childText("Prompt"), items(n), softKeys(n),
                    events(n, mode));
            case "CiscoIPPhoneText" -> new Text(n.childText("Title"), n.childText("Prompt"), n.childText("Text"),
                    softKeys(n), events(n, mode));
            case "CiscoIPPhoneInput" -> {
                Node url = n.one("URL");
                yield new Input(n.childText("Title"), n.childText("Prompt"), url == null ? null : url.text(),
                        url == null ? null : url.attrs.get("method"), inputItems(n), softKeys(n), events(n, mode));
            }
            case "CiscoIPPhoneDirectory" -> {
                List<DirectoryEntry> entries = new ArrayList<>();
                for (Node e : n.all("DirectoryEntry")) {
                    entries.add(new DirectoryEntry(e.childText("Name"), e.childText("Telephone")));
                }
                yield new Directory(n.childText("Title"), n.childText("Prompt"), entries, softKeys(n), events(n, mode));
            }
            case "CiscoIPPhoneImage" -> new Image(n.childText("Title"), n.childText("Prompt"), n.childInt("LocationX"),
                    n.childInt("LocationY"), bitmap(n), softKeys(n), events(n, mode));
            case "CiscoIPPhoneImageFile" -> new ImageFile(n.childText("Title"), n.childText("Prompt"),
                    n.childInt("LocationX"), n.childInt("LocationY"), n.childText("URL"), softKeys(n), events(n, mode));
            case "CiscoIPPhoneGraphicMenu" -> new GraphicMenu(windowMode(n), n.childText("Title"),
                    n.childText("Prompt"), n.childInt("LocationX"), n.childInt("LocationY"), bitmap(n), items(n),
                    softKeys(n), events(n, mode));
            case "CiscoIPPhoneGraphicFileMenu" -> new GraphicFileMenu(windowMode(n), n.childText("Title"),
                    n.childText("Prompt"), n.childInt("LocationX"), n.childInt("LocationY"), n.childText("URL"),
                    items(n), softKeys(n), events(n, mode));
            case "CiscoIPPhoneIconMenu" -> {
                List<IconItem> icons = new ArrayList<>();
                for (Node i : n.all("IconItem")) {
                    icons.add(new IconItem(i.requiredInt("Index"), requiredBitmap(i)));
                }
                yield new IconMenu(n.childText("Title"), n.childText("Prompt"), items(n), softKeys(n), icons,
                        events(n, mode));
            }
            case "CiscoIPPhoneIconFileMenu" -> {
                List<IconFileItem> icons = new ArrayList<>();
                for (Node i : n.all("IconItem")) {
                    icons.add(new IconFileItem(i.requiredInt("Index"), i.childText("URL")));
                }
                yield new IconFileMenu(n.childText("Title"), n.childText("Prompt"), items(n), softKeys(n), icons,
                        events(n, mode));
            }
            case "CiscoIPPhoneStatus" -> new Status(n.childText("Text"), n.childInt("Timer"), n.childInt("LocationX"),
                    n.childInt("LocationY"), bitmap(n));
            case "CiscoIPPhoneStatusFile" -> new StatusFile(n.childText("Text"), n.childInt("Timer"),
                    n.childInt("LocationX"), n.childInt("LocationY"), n.childText("URL"));
            case "CiscoIPPhoneExecute" -> {
                List<ExecuteItem> items = new ArrayList<>();
                for (Node i : n.all("ExecuteItem")) {
                    Integer p = i.attrInt("Priority");
                    items.add(new ExecuteItem(p == null ? 0 : p, i.attrs.get("URL")));
                }
                yield new Execute(items);
            }
            case "CiscoIPPhoneResponse" -> {
                List<ResponseItem> items = new ArrayList<>();
                for (Node i : n.all("ResponseItem")) {
                    items.add(new ResponseItem(i.attrs.get("URL"), i.attrs.get("Data"), i.requiredAttrInt("Status")));
                }
                yield new Response(items);
            }
            case "CiscoIPPhoneError" -> {
                String text = n.text();
                yield new PhoneError(n.requiredAttrInt("Number"), text.isBlank() ? null : text);
            }
            case "setBackground" -> {
                Node b = n.one("background");
                yield new SetBackground(b == null ? null : b.childText("image"), b == null ? null : b.childText("icon"));
            }
            case "setRingTone" -> new SetRingTone(n.childText("ringTone"));
            default -> null;
        };
    }

    private static List<MenuItem> items(Node n) {
        List<MenuItem> out = new ArrayList<>();
        for (Node i : n.all("MenuItem")) {
            Node t = i.one("TouchArea");
            TouchArea area = t == null ? null : new TouchArea(t.requiredAttrInt("X1"), t.requiredAttrInt("Y1"),
                    t.requiredAttrInt("X2"), t.requiredAttrInt("Y2"));
            out.add(new MenuItem(i.childInt("IconIndex"), i.childText("Name"), i.childText("URL"), area));
        }
        return out;
    }

    private static List<SoftKeyItem> softKeys(Node n) {
        List<SoftKeyItem> out = new ArrayList<>();
        for (Node k : n.all("SoftKeyItem")) {
            out.add(new SoftKeyItem(k.childText("Name"), k.requiredInt("Position"), k.childText("URL"),
                    k.childText("URLDown")));
        }
        return out;
    }

    private static List<InputItem> inputItems(Node n) {
        List<InputItem> out = new ArrayList<>();
        for (Node i : n.all("InputItem")) {
            String flags = i.childText("InputFlags");
            out.add(new InputItem(i.childText("DisplayName"), i.childText("QueryStringParam"),
                    i.childText("DefaultValue"), flags == null ? null : new InputFlags(flags)));
        }
        return out;
    }

    private static Bitmap bitmap(Node n) {
        if (n.one("Data") == null && n.one("Width") == null && n.one("Height") == null && n.one("Depth") == null) {
            return null;
        }
        return requiredBitmap(n);
    }

    private static Bitmap requiredBitmap(Node n) {
        return new Bitmap(n.requiredInt("Width"), n.requiredInt("Height"), n.requiredInt("Depth"),
                n.childText("Data"));
    }

    private static WindowMode windowMode(Node n) {
        String v = n.attrs.get("WindowMode");
        if (v == null) {
            return null;
        }
        WindowMode m = WindowMode.fromXml(v);
        if (m == null) {
            throw new XsiValidationException(Violation.of("WindowMode", v, "must be Normal or Wide", Sources.XSD));
        }
        return m;
    }

    /** Handlers are attributes (XSD); child elements of those names are a known client bug, tolerated when lenient. */
    private static AppEvents events(Node n, XsiCodec.Mode mode) {
        AppEvents e = AppEvents.NONE;
        List<Violation> misplaced = new ArrayList<>();
        for (String a : AppEvents.ATTRIBUTES) {
            e = e.with(a, n.attrs.get(a));
            Node child = n.one(a);
            if (child != null) {
                if (mode == XsiCodec.Mode.STRICT) {
                    misplaced.add(Violation.of(a, child.text(), "event handlers are attributes of <" + n.name
                            + ">, not child elements (line " + child.line + ")", Sources.XSD));
                } else if (e.value(a) == null) {
                    e = e.with(a, child.text());
                }
            }
        }
        if (!misplaced.isEmpty()) {
            throw new XsiValidationException(misplaced);
        }
        return e;
    }
}
