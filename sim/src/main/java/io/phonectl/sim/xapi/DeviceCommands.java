package io.phonectl.sim.xapi;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.path.XPath;
import java.util.List;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Audio, Standby, Presentation, SignInBanner, Boot, Ui commands and their state changes. */
final class DeviceCommands {
    private static final XPath VOLUME = XPath.of("Status", "Audio", "Volume");
    private static final XPath STANDBY = XPath.of("Status", "Standby", "State");
    private static final XPath PHONE_STANDBY = XPath.of("Status", "Standby", "Level");
    private static final XPath LOCAL_INSTANCES = XPath.of("Status", "Conference", "Presentation",
            "LocalInstance");
    /** Multi-line payloads beyond this are refused (SizeProfile's 40 KB bounds the phones' largest objects). */
    static final int MAX_BODY = 40 * 1024;

    private DeviceCommands() {}

    static ObjectNode ok() {
        ObjectNode r = DeviceState.NODES.objectNode();
        r.put("status", "OK");
        return r;
    }

    static JsonNode volumeSet(XapiCommands.Call c) {
        int level = c.params().integer("Level", 0, 100, null);
        c.state().put(VOLUME, DeviceState.NODES.numberNode(level));
        return ok();
    }

    static JsonNode standby(XapiCommands.Call c, String state) {
        c.state().put(STANDBY, DeviceState.NODES.stringNode(state));
        return ok();
    }

    static JsonNode presentationStart(XapiCommands.Call c) {
        List<Integer> connectors = c.params().integers("ConnectorId", 1, 7, 4);
        String layout = c.params().literal("Layout", false, List.of("Equal", "Prominent"));
        String mode = c.params().literal("SendingMode", false, List.of("LocalRemote", "LocalOnly"));
        DeviceState s = c.state();
        synchronized (s) {
            int instance = 1;
            while (s.find(LOCAL_INSTANCES.append(instance)).isPresent()) instance++;
            if (instance > 6) throw Params.illegal("Instance", instance, "at most 6 local presentations");
            ObjectNode node = DeviceState.NODES.objectNode();
            node.put("Layout", layout == null ? "Equal" : layout);
            node.put("SendingMode", mode == null ? "LocalRemote" : mode);
            node.put("Source", connectors.isEmpty() ? 1 : connectors.getFirst());
            s.put(LOCAL_INSTANCES.append(instance), node);
            ObjectNode ev = DeviceState.NODES.objectNode();
            ev.put("LocalInstance", instance);
            s.event("PresentationStarted", ev);
            ObjectNode r = DeviceState.NODES.objectNode();
            r.put("Instance", instance);
            return r;
        }
    }

    static JsonNode presentationStop(XapiCommands.Call c) {
        int instance = c.params().integer("Instance", 1, 6, 1);
        if (!c.state().remove(LOCAL_INSTANCES.append(instance))) {
            throw Params.illegal("Instance", instance, "no such presentation");
        }
        return ok();
    }

    static JsonNode bannerSet(XapiCommands.Call c) {
        String body = c.params().body();
        if (body == null) throw Params.illegal("body", null, "is required (multi-line command)");
        if (body.length() > MAX_BODY) throw Params.illegal("body", body.length() + " chars", "at most " + MAX_BODY);
        c.state().signInBanner(body);
        return ok();
    }

    static JsonNode bannerClear(XapiCommands.Call c) {
        c.state().signInBanner("");
        return ok();
    }

    static JsonNode boot(XapiCommands.Call c) {
        c.device().rebootSoon();
        return ok();
    }

    static JsonNode factoryReset(XapiCommands.Call c) {
        c.params().literal("Confirm", true, List.of("Yes"));
        c.device().rebootSoon();
        return ok();
    }

    static JsonNode sendKey(XapiCommands.Call c) {
        String key = c.params().string("Key", true);
        if (key.isEmpty() || key.length() > 32) throw Params.illegal("Key", key, "length must be 1..32");
        ObjectNode ev = DeviceState.NODES.objectNode();
        ev.put("Key", key);
        c.state().event("UiKeyPressed", ev);
        return ok();
    }

    /** A PNG of the simulated screen (a plain background with a bar), base64 as the device returns it. */
    static JsonNode screenshot(XapiCommands.Call c) {
        BufferedImage img = new BufferedImage(160, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(20, 40, 80));
            g.fillRect(0, 0, 160, 96);
            // the bar width follows the sign-in banner length so screenshots change with the device state
            g.setColor(Color.WHITE);
            g.fillRect(8, 8, 16 + c.state().signInBanner().length() % 128, 8);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw Params.error(ErrorCode.INTERNAL_ERROR, "Internal error", null);
        }
        ObjectNode r = ok();
        r.put("Format", "png");
        r.put("Image", Base64.getEncoder().encodeToString(png.toByteArray()));
        return r;
    }

    static XPath standbyPath(XapiProduct p) { return p == XapiProduct.ROOMOS ? STANDBY : PHONE_STANDBY; }
}
