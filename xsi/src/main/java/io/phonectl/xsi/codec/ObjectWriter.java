package io.phonectl.xsi.codec;

import io.phonectl.xsi.object.*;

import java.util.List;

/** Writes display objects in XSD element order (reference notes §2.1, §2.4). */
final class ObjectWriter {
    private ObjectWriter() {
    }

    static void write(XmlOut o, XsiObject obj) {
        switch (obj) {
            case Menu m -> {
                root(o, m.rootElement(), null, m.events());
                head(o, m.title(), m.prompt());
                items(o, m.items());
                tail(o, m.rootElement(), m.softKeys());
            }
            case Text t -> {
                root(o, t.rootElement(), null, t.events());
                head(o, t.title(), t.prompt());
                o.leaf("Text", t.text());
                tail(o, t.rootElement(), t.softKeys());
            }
            case Input in -> {
                root(o, in.rootElement(), null, in.events());
                head(o, in.title(), in.prompt());
                o.start("URL").attr("method", in.urlMethod()).open().text(in.url()).end("URL");
                for (InputItem it : in.items()) {
                    o.start("InputItem").open().leaf("DisplayName", it.displayName())
                            .leaf("QueryStringParam", it.queryStringParam()).leaf("DefaultValue", it.defaultValue())
                            .leaf("InputFlags", it.inputFlags().code()).end("InputItem");
                }
                tail(o, in.rootElement(), in.softKeys());
            }
            case Directory d -> {
                root(o, d.rootElement(), null, d.events());
                head(o, d.title(), d.prompt());
                for (DirectoryEntry e : d.entries()) {
                    o.start("DirectoryEntry").open().leaf("Name", e.name()).leaf("Telephone", e.telephone())
                            .end("DirectoryEntry");
                }
                tail(o, d.rootElement(), d.softKeys());
            }
            case Image i -> {
                root(o, i.rootElement(), null, i.events());
                head(o, i.title(), i.prompt());
                o.leaf("LocationX", i.locationX()).leaf("LocationY", i.locationY());
                bitmap(o, i.bitmap());
                tail(o, i.rootElement(), i.softKeys());
            }
            case ImageFile i -> {
                root(o, i.rootElement(), null, i.events());
                head(o, i.title(), i.prompt());
                o.leaf("LocationX", i.locationX()).leaf("LocationY", i.locationY()).leaf("URL", i.url());
                tail(o, i.rootElement(), i.softKeys());
            }
            case GraphicMenu g -> {
                root(o, g.rootElement(), g.windowMode(), g.events());
                head(o, g.title(), g.prompt());
                o.leaf("LocationX", g.locationX()).leaf("LocationY", g.locationY());
                bitmap(o, g.bitmap());
                items(o, g.items());
                tail(o, g.rootElement(), g.softKeys());
            }
            case GraphicFileMenu g -> {
                root(o, g.rootElement(), g.windowMode(), g.events());
                head(o, g.title(), g.prompt());
                o.leaf("LocationX", g.locationX()).leaf("LocationY", g.locationY()).leaf("URL", g.url());
                items(o, g.items());
                tail(o, g.rootElement(), g.softKeys());
            }
            case IconMenu m -> {
                root(o, m.rootElement(), null, m.events());
                head(o, m.title(), m.prompt());
                items(o, m.items());
                softKeys(o, m.softKeys());
                for (IconItem icon : m.icons()) {
                    Bitmap b = icon.bitmap();
                    o.start("IconItem").open().leaf("Index", icon.index()).leaf("Height", b.height())
                            .leaf("Width", b.width()).leaf("Depth", b.depth()).leaf("Data", b.data()).end("IconItem");
                }
                o.end(m.rootElement());
            }
            case IconFileMenu m -> {
                root(o, m.rootElement(), null, m.events());
                head(o, m.title(), m.prompt());
                items(o, m.items());
                softKeys(o, m.softKeys());
                for (IconFileItem icon : m.icons()) {
                    o.start("IconItem").open().leaf("Index", icon.index()).leaf("URL", icon.url()).end("IconItem");
                }
                o.end(m.rootElement());
            }
            case Status s -> {
                o.start(s.rootElement()).open().leaf("Text", s.text()).leaf("Timer", s.timer())
                        .leaf("LocationX", s.locationX()).leaf("LocationY", s.locationY());
                bitmap(o, s.bitmap());
                o.end(s.rootElement());
            }
            case StatusFile s -> o.start(s.rootElement()).open().leaf("Text", s.text()).leaf("Timer", s.timer())
                    .leaf("LocationX", s.locationX()).leaf("LocationY", s.locationY()).leaf("URL", s.url())
                    .end(s.rootElement());
            case Execute e -> {
                o.start(e.rootElement()).open();
                for (ExecuteItem it : e.items()) {
                    o.start("ExecuteItem").attr("Priority", it.priority()).attr("URL", it.url()).selfClose();
                }
                o.end(e.rootElement());
            }
            case Response r -> {
                o.start(r.rootElement()).open();
                for (ResponseItem it : r.items()) {
                    o.start("ResponseItem").attr("URL", it.url()).attr("Data", it.data()).attr("Status", it.status())
                            .selfClose();
                }
                o.end(r.rootElement());
            }
            case PhoneError e -> {
                o.start(e.rootElement()).attr("Number", e.number());
                if (e.text() == null) {
                    o.selfCloseSpaced();
                } else {
                    o.open().text(e.text()).end(e.rootElement());
                }
            }
            case SetBackground b -> o.start(b.rootElement()).open().start("background").open()
                    .leaf("image", b.image()).leaf("icon", b.icon()).end("background").end(b.rootElement());
            case SetRingTone r -> o.start(r.rootElement()).open().leaf("ringTone", r.ringTone()).end(r.rootElement());
        }
    }

    private static void root(XmlOut o, String name, WindowMode mode, AppEvents events) {
        o.start(name);
        if (mode != null) {
            o.attr("WindowMode", mode.xml());
        }
        for (String a : AppEvents.ATTRIBUTES) {
            o.attr(a, events.value(a));
        }
        o.open();
    }

    private static void head(XmlOut o, String title, String prompt) {
        o.leaf("Title", title).leaf("Prompt", prompt);
    }

    private static void tail(XmlOut o, String root, List<SoftKeyItem> softKeys) {
        softKeys(o, softKeys);
        o.end(root);
    }

    private static void softKeys(XmlOut o, List<SoftKeyItem> softKeys) {
        for (SoftKeyItem k : softKeys) {
            o.start("SoftKeyItem").open().leaf("Name", k.name()).leaf("Position", k.position())
                    .leaf("URL", k.url()).leaf("URLDown", k.urlDown()).end("SoftKeyItem");
        }
    }

    private static void items(XmlOut o, List<MenuItem> items) {
        for (MenuItem it : items) {
            o.start("MenuItem").open().leaf("IconIndex", it.iconIndex()).leaf("Name", it.name()).leaf("URL", it.url());
            TouchArea t = it.touchArea();
            if (t != null) {
                o.start("TouchArea").attr("X1", t.x1()).attr("Y1", t.y1()).attr("X2", t.x2()).attr("Y2", t.y2())
                        .selfClose();
            }
            o.end("MenuItem");
        }
    }

    private static void bitmap(XmlOut o, Bitmap b) {
        if (b != null) {
            o.leaf("Width", b.width()).leaf("Height", b.height()).leaf("Depth", b.depth()).leaf("Data", b.data());
        }
    }
}
