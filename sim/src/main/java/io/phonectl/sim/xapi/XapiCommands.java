package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import io.phonectl.xapi.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command table of the simulated devices: name (words as in {@code xCommand A B C}), products, lowest role
 * allowed, and the handler. Lookup ignores case, as the devices do.
 */
final class XapiCommands {
    /** What a handler may use. */
    record Call(DeviceState state, Params params, Role role, SimulatedXapiDevice device) {}

    @FunctionalInterface
    interface Handler {
        JsonNode run(Call call);
    }

    record Entry(String name, Set<XapiProduct> products, Role lowestRole, Handler handler) {}

    private static final Set<XapiProduct> ROOM = EnumSet.of(XapiProduct.ROOMOS);
    private static final Set<XapiProduct> PHONE = EnumSet.of(XapiProduct.PHONEOS);
    private static final Set<XapiProduct> BOTH = EnumSet.allOf(XapiProduct.class);
    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    static {
        add("Dial", ROOM, Role.USER, CallCommands::dialRoom);
        add("Call Dial", PHONE, Role.USER, CallCommands::dialPhone);
        add("Call Disconnect", BOTH, Role.USER, CallCommands::disconnect);
        add("Audio Volume Set", ROOM, Role.USER, DeviceCommands::volumeSet);
        add("Standby Activate", ROOM, Role.USER, c -> DeviceCommands.standby(c, "Standby"));
        add("Standby Deactivate", ROOM, Role.USER, c -> DeviceCommands.standby(c, "Off"));
        add("Presentation Start", ROOM, Role.USER, DeviceCommands::presentationStart);
        add("Presentation Stop", ROOM, Role.USER, DeviceCommands::presentationStop);
        add("SystemUnit SignInBanner Set", ROOM, Role.ADMIN, DeviceCommands::bannerSet);
        add("SystemUnit SignInBanner Clear", ROOM, Role.ADMIN, DeviceCommands::bannerClear);
        add("SystemUnit Boot", BOTH, Role.ADMIN, DeviceCommands::boot);
        add("SystemUnit FactoryReset", PHONE, Role.ADMIN, DeviceCommands::factoryReset);
        add("UserInterface Extensions Panel Save", ROOM, Role.INTEGRATOR, UiCommands::panelSave);
        add("UserInterface Extensions Panel Remove", ROOM, Role.INTEGRATOR, UiCommands::panelRemove);
        add("UserInterface Extensions List", ROOM, Role.INTEGRATOR, UiCommands::list);
        add("UserInterface Extensions Widget SetValue", ROOM, Role.INTEGRATOR, UiCommands::widgetSetValue);
        add("UserInterface Message Alert Display", ROOM, Role.INTEGRATOR, MessageCommands::alertDisplay);
        add("UserInterface Message Alert Clear", ROOM, Role.USER, MessageCommands::alertClear);
        add("UserInterface Message Prompt Display", ROOM, Role.INTEGRATOR, MessageCommands::promptDisplay);
        add("UserInterface Message Prompt Clear", ROOM, Role.USER, MessageCommands::promptClear);
        add("Audio Sound Play", ROOM, Role.USER, MessageCommands::soundPlay);
        add("Audio Sound Stop", ROOM, Role.USER, MessageCommands::soundStop);
        add("Peripherals Connect", ROOM, Role.INTEGRATOR, c -> DeviceCommands.ok());
        add("Peripherals HeartBeat", ROOM, Role.INTEGRATOR, c -> DeviceCommands.ok());
        add("Ui SendKey", PHONE, Role.USER, DeviceCommands::sendKey);
        add("Ui GetDeviceScreenshot", PHONE, Role.INTEGRATOR, DeviceCommands::screenshot);
        add("HttpFeedback Register", BOTH, Role.INTEGRATOR, FeedbackCommands::register);
        add("HttpFeedback Deregister", BOTH, Role.INTEGRATOR, FeedbackCommands::deregister);
        add("HttpFeedback Enable", BOTH, Role.INTEGRATOR, FeedbackCommands::enable);
        add("Security Certificates CA Add", BOTH, Role.ADMIN, CertificateCommands::add);
        add("Security Certificates CA Delete", BOTH, Role.ADMIN, CertificateCommands::delete);
        add("Security Certificates CA Show", BOTH, Role.ADMIN, CertificateCommands::show);
    }

    private XapiCommands() {}

    private static void add(String name, Set<XapiProduct> products, Role lowest, Handler h) {
        TABLE.put(name.toLowerCase(java.util.Locale.ROOT), new Entry(name, products, lowest, h));
    }

    /** The entry for these words on this product, or null. */
    static Entry find(XapiProduct product, List<String> words) {
        Entry e = TABLE.get(String.join(" ", words).toLowerCase(java.util.Locale.ROOT));
        return e != null && e.products().contains(product) ? e : null;
    }

    static List<String> names(XapiProduct product) {
        List<String> out = new ArrayList<>();
        for (Entry e : TABLE.values()) if (e.products().contains(product)) out.add(e.name());
        return out;
    }

    /** Runs a command after the role check (ADMIN > INTEGRATOR > USER). */
    static JsonNode run(Entry e, Call call) {
        if (call.role().ordinal() > e.lowestRole().ordinal()) {
            ObjectNode data = DeviceState.NODES.objectNode();
            data.put("Command", e.name());
            data.put("RequiredRole", e.lowestRole().name());
            throw Params.error(ErrorCode.PERMISSION_DENIED, "Permission denied", data);
        }
        return e.handler().run(call);
    }
}
