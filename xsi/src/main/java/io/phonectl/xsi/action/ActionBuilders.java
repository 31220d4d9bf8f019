package io.phonectl.xsi.action;

import io.phonectl.xsi.component.Codec;
import io.phonectl.xsi.component.GetDeviceCaps;
import io.phonectl.xsi.component.MediaMode;
import io.phonectl.xsi.component.MediaStream;
import io.phonectl.xsi.component.StartMedia;
import io.phonectl.xsi.component.StopMedia;

import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.uri.InternalUri;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place where action ids map to builders. Display objects, component messages and device queries are
 * listed by id; every other action sends an internal URI, built from the command template of its table row.
 */
final class ActionBuilders {

    private static final Map<String, Function<ActionArgs, Outgoing>> BY_ID = new HashMap<>();
    /** URI families that are placed inside other objects rather than pushed alone (see Outgoing.UriReference). */
    private static final Set<String> REFERENCE_FAMILIES = Set.of("Notify", "SoftKey", "Resource", "QueryStringParam");

    static {
        document("object_menu", ObjectBuilders::menu);
        document("object_text", ObjectBuilders::text);
        document("object_input", ObjectBuilders::input);
        document("object_directory", ObjectBuilders::directory);
        document("object_image", ObjectBuilders::image);
        document("object_image_file", ObjectBuilders::imageFile);
        document("object_graphic_menu", ObjectBuilders::graphicMenu);
        document("object_graphic_file_menu", ObjectBuilders::graphicFileMenu);
        document("object_icon_menu", ObjectBuilders::iconMenu);
        document("object_icon_file_menu", ObjectBuilders::iconFileMenu);
        document("object_status_push", ObjectBuilders::status);
        document("object_status_file_push", ObjectBuilders::statusFile);
        document("object_error", ObjectBuilders::error);
        document("start_media", ActionBuilders::startMedia);
        document("stop_media", a -> a.optional("streamId").map(StopMedia::new).orElseGet(StopMedia::all));
        document("get_device_caps", a -> new GetDeviceCaps());
        document("push_execute", a -> Execute.builder().item(a.integer("priority", 0), a.string("uri")).build());
        for (String page : new String[] {"query_device_information", "query_device_information_xml",
                "query_network_configuration", "query_network_configuration_xml", "query_ethernet_information",
                "query_ethernet_information_xml", "query_port_information", "query_port_information_xml",
                "query_device_log", "query_device_log_xml", "query_streaming_statistics",
                "query_streaming_statistics_xml", "get_screenshot"}) {
            BY_ID.put(page, ActionBuilders::httpGet);
        }
    }

    private ActionBuilders() {
    }

    private static void document(String id, Function<ActionArgs, io.phonectl.xsi.object.XsiDocument> builder) {
        BY_ID.put(id, a -> new Outgoing.DocumentPush(builder.apply(a)));
    }

    /** Builds what the action sends; typed objects and URIs throw their own validation errors. */
    static Outgoing build(ActionArgs args) {
        Function<ActionArgs, Outgoing> builder = BY_ID.get(args.action().id());
        return builder != null ? builder.apply(args) : uri(args);
    }

    /** The action's command template filled in and parsed: the URI family's own rules check every value. */
    private static Outgoing uri(ActionArgs a) {
        InternalUri uri = InternalUri.parse(a.fillTemplate());
        return REFERENCE_FAMILIES.contains(uri.family()) ? new Outgoing.UriReference(uri) : Outgoing.UriPush.of(uri);
    }

    private static StartMedia startMedia(ActionArgs a) {
        MediaStream s = new MediaStream(null, a.string("notifyURI"), a.integer("volume"), a.string("type"),
                Codec.fromXml(a.string("codec")), MediaMode.fromXml(a.string("mode")), a.string("ip"),
                a.integer("port"));
        return new StartMedia(s);
    }

    /** The row's command is {@code GET /path[?{n}]}. */
    private static Outgoing httpGet(ActionArgs a) {
        return new Outgoing.HttpGet(a.fillTemplate().substring("GET ".length()));
    }
}
