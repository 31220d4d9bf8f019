package io.phonectl.sim.xapi;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The state of one simulated device: the canonical value tree of the protocol core ({@link Branch} holding
 * {@code Status} and {@code Configuration}) and the change stream. Every change is published as the sparse tree
 * {@link Trees} computes, rooted at {@code Status}, {@code Configuration} or {@code Event}. Thread-safe: access holds
 * this object's lock and listeners run under it, so every subscriber sees changes in the order they were made
 * (listeners only enqueue asynchronous sends).
 */
final class DeviceState {
    static final JsonNodeFactory NODES = RpcCodec.nodes();

    private final XapiProduct product;
    private final List<Consumer<Branch>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> caCertificates = new ArrayList<>();
    private final java.util.Map<String, String> panels = new java.util.LinkedHashMap<>();
    private final DeviceLog log = new DeviceLog();
    private Branch root;
    private int lastCallId;
    private String signInBanner = "";
    private boolean isdnPaired;
    private tools.jackson.databind.node.ObjectNode alert;
    private tools.jackson.databind.node.ObjectNode prompt;
    private String sound;

    DeviceState(XapiProduct product) {
        this.product = product;
        reset();
    }

    /** Back to the stored state, as after a boot; HttpFeedback slots and certificates survive (they are stored). */
    synchronized void reset() {
        Optional<Node> slots = root == null ? Optional.empty()
                : Trees.get(root, FeedbackCommands.SLOTS_PATH).map(Trees.Found::node);
        try (InputStream in = DeviceState.class.getResourceAsStream(product.stateResource())) {
            Node loaded = WsJsonTree.fromJson(RpcCodec.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            root = (Branch) Kinds.apply(product.schema(), new XPath(List.of()), loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (slots.isPresent()) root = Trees.set(root, FeedbackCommands.SLOTS_PATH, slots.get()).tree();
        alert = null;
        prompt = null;
        sound = null;
        lastCallId = product == XapiProduct.ROOMOS ? 1 : -1; // seeds: first RoomOS Dial gives CallId 2, PhoneOS 0
    }

    XapiProduct product() { return product; }

    DeviceLog log() { return log; }

    void addListener(Consumer<Branch> listener) { listeners.add(listener); }

    void removeListener(Consumer<Branch> listener) { listeners.remove(listener); }

    synchronized Optional<Trees.Found> find(XPath path) { return Trees.get(root, path); }

    /** The WebSocket-JSON value at a path (case-insensitive), or null. */
    synchronized JsonNode json(XPath path) {
        return Trees.get(root, path).map(f -> WsJsonTree.toJson(f.node())).orElse(null);
    }

    synchronized Optional<Branch> query(XPath query) { return Trees.query(root, query); }

    synchronized Branch tree() { return root; }

    /** Sets the node at a path (created if absent) and publishes the sparse difference, if any. */
    synchronized void put(XPath path, Node value) {
        Trees.Change c = Trees.set(root, path, value);
        root = c.tree();
        c.feedback().ifPresent(this::publish);
    }

    void put(XPath path, JsonNode value) { put(path, Kinds.apply(product.schema(), path, WsJsonTree.fromJson(value))); }

    /** Removes a node; a removed instance reaches subscribers as a ghost. False when nothing was there. */
    synchronized boolean remove(XPath path) {
        if (Trees.get(root, path).isEmpty()) return false;
        Trees.Change c = Trees.remove(root, path);
        root = c.tree();
        c.feedback().ifPresent(this::publish);
        return true;
    }

    /** Publishes {@code {"Event":{name:body}}}. */
    synchronized void event(String name, JsonNode body) {
        log.emitted(new DeviceLog.Emitted(java.time.Instant.now(), name, body.deepCopy()));
        publish(Branch.of("Event", Branch.of(name, WsJsonTree.fromJson(body))));
    }

    synchronized int nextCallId() { return ++lastCallId; }

    synchronized List<String> caCertificates() { return caCertificates; }

    /** UI extension panels by PanelId (stored, so they survive a reboot). Callers hold this object's lock. */
    synchronized java.util.Map<String, String> panels() { return panels; }

    /** What the screen shows (copies), and the sound playing. */
    synchronized MessageCommands.Shown shown() {
        return new MessageCommands.Shown(alert == null ? null : alert.deepCopy(), prompt == null ? null : prompt.deepCopy(),
                sound);
    }

    synchronized void alert(tools.jackson.databind.node.ObjectNode a) { alert = a; }

    /** Shows a prompt (null clears it); answers the one it replaced, or null. */
    synchronized tools.jackson.databind.node.ObjectNode prompt(tools.jackson.databind.node.ObjectNode p) {
        var old = prompt;
        prompt = p;
        return old;
    }

    synchronized void sound(String s) { sound = s; }

    synchronized boolean isdnPaired() { return isdnPaired; }

    synchronized void isdnPaired(boolean paired) { this.isdnPaired = paired; }

    synchronized String signInBanner() { return signInBanner; }

    synchronized void signInBanner(String banner) { this.signInBanner = banner; }

    private void publish(Branch sparse) {
        for (Consumer<Branch> l : listeners) l.accept(sparse);
    }
}
