package io.phonectl.sim.xapi;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Audio, Standby, Presentation, SignInBanner, Boot, Ui commands and their state changes. */
final class DeviceCommands {
    private static final List<Object> VOLUME = List.of("Status", "Audio", "Volume");
    private static final List<Object> STANDBY = List.of("Status", "Standby", "State");
    private static final List<Object> PHONE_STANDBY = List.of("Status", "Standby", "Level");
    private static final List<Object> LOCAL_INSTANCES = List.of("Status", "Conference", "Presentation",
            "LocalInstance");
    /** Multi-line payloads beyond this are refused (SizeProfile's 40 KB bounds the phones' largest objects). */
    static final int MAX_BODY = 40 * 1024;

    private DeviceCommands() {}

    static ObjectNode ok() {
        ObjectNode r = TreeOps.NODES.objectNode();
        r.put("status", "OK");
        return r;
    }

    static JsonNode volumeSet(XapiCommands.Call c) throws RpcFailure {
        int level = c.params().integer("Level", 0, 100, null);
        c.state().put(VOLUME, TreeOps.NODES.numberNode(level));
        return ok();
    }

    static JsonNode standby(XapiCommands.Call c, String state) {
        c.state().put(STANDBY, TreeOps.NODES.stringNode(state));
        return ok();
    }

    static JsonNode presentationStart(XapiCommands.Call c) throws RpcFailure {
        List<Integer> connectors = c.params().integers("ConnectorId", 1, 7, 4);
        String layout = c.params().literal("Layout", false, List.of("Equal", "Prominent"));
        String mode = c.params().literal("SendingMode", false, List.of("LocalRemote", "LocalOnly"));
        DeviceState s = c.state();
        synchronized (s) {
            ArrayNode existing = (ArrayNode) s.get(LOCAL_INSTANCES);
            int instance = 1;
            while (TreeOps.instance(existing, instance) != null) instance++;
            if (instance > 6) throw Params.illegal("Instance", instance, "at most 6 local presentations");
            ObjectNode node = TreeOps.NODES.objectNode();
            node.put("Layout", layout == null ? "Equal" : layout);
            node.put("SendingMode", mode == null ? "LocalRemote" : mode);
            node.put("Source", connectors.isEmpty() ? 1 : connectors.getFirst());
            s.putInstance(LOCAL_INSTANCES, instance, node);
            ObjectNode ev = TreeOps.NODES.objectNode();
            ev.put("LocalInstance", instance);
            s.event("PresentationStarted", ev);
            ObjectNode r = TreeOps.NODES.objectNode();
            r.put("Instance", instance);
            return r;
        }
    }

    static JsonNode presentationStop(XapiCommands.Call c) throws RpcFailure {
        int instance = c.params().integer("Instance", 1, 6, 1);
        if (!c.state().removeInstance(LOCAL_INSTANCES, instance)) {
            throw Params.illegal("Instance", instance, "no such presentation");
        }
        return ok();
    }

    static JsonNode bannerSet(XapiCommands.Call c) throws RpcFailure {
        String body = c.params().string("body", true);
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

    static JsonNode factoryReset(XapiCommands.Call c) throws RpcFailure {
        c.params().literal("Confirm", true, List.of("Yes"));
        c.device().rebootSoon();
        return ok();
    }

    static JsonNode sendKey(XapiCommands.Call c) throws RpcFailure {
        String key = c.params().string("Key", true);
        if (key.isEmpty() || key.length() > 32) throw Params.illegal("Key", key, "length must be 1..32");
        ObjectNode ev = TreeOps.NODES.objectNode();
        ev.put("Key", key);
        c.state().event("UiKeyPressed", ev);
        return ok();
    }

    /** A PNG of the simulated screen (a plain background with a bar), base64 as the device returns it. */
    static JsonNode screenshot(XapiCommands.Call c) throws RpcFailure {
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
            throw new RpcFailure(RpcFailure.INTERNAL_ERROR, "Internal error", null);
        }
        ObjectNode r = ok();
        r.put("Format", "png");
        r.put("Image", Base64.getEncoder().encodeToString(png.toByteArray()));
        return r;
    }

    static List<Object> standbyPath(XapiProduct p) { return p == XapiProduct.ROOMOS ? STANDBY : PHONE_STANDBY; }
}
