package io.phonectl.sim.xapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of one simulated device: Status and Configuration documents in WebSocket-JSON shape, and the change
 * stream. Every change is published as a sparse tree rooted at {@code Status}, {@code Configuration} or
 * {@code Event}. Thread-safe: all access holds this object's lock, and listeners run under it so that every
 * subscriber sees changes in the order they were made (listeners only enqueue asynchronous sends).
 */
final class DeviceState {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final XapiProduct product;
    private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();
    private ObjectNode root;
    private int lastCallId;
    private final List<String> caCertificates = new ArrayList<>();
    private String signInBanner = "";

    DeviceState(XapiProduct product) {
        this.product = product;
        reset();
    }

    /** Back to the stored state, as after a boot; HttpFeedback slots and certificates survive (they are stored). */
    synchronized void reset() {
        ArrayNode feedbackSlots = root == null ? null : (ArrayNode) root.path("Status").get("HttpFeedback");
        try (InputStream in = DeviceState.class.getResourceAsStream(product.stateResource())) {
            root = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (feedbackSlots != null) ((ObjectNode) root.get("Status")).set("HttpFeedback", feedbackSlots);
        lastCallId = product == XapiProduct.ROOMOS ? 1 : -1; // seeds: first RoomOS Dial gives CallId 2, PhoneOS 0
    }

    XapiProduct product() { return product; }

    void addListener(Consumer<ObjectNode> listener) { listeners.add(listener); }

    void removeListener(Consumer<ObjectNode> listener) { listeners.remove(listener); }

    synchronized JsonNode get(List<Object> path) {
        JsonNode n = TreeOps.get(root, path);
        return n == null ? null : n.deepCopy();
    }

    synchronized List<Object> canonical(List<Object> path) { return TreeOps.canonical(root, path); }

    synchronized JsonNode query(List<Object> query) { return TreeOps.query(root, query); }

    /** Replaces the value at an existing canonical path and publishes the sparse change. */
    synchronized void put(List<Object> canonicalPath, JsonNode value) {
        JsonNode parent = TreeOps.get(root, canonicalPath.subList(0, canonicalPath.size() - 1));
        Object last = canonicalPath.getLast();
        if (parent instanceof ObjectNode o && last instanceof String name) {
            o.set(name, value.deepCopy());
        } else {
            throw new IllegalStateException("no such node: " + canonicalPath);
        }
        publish(TreeOps.sparse(canonicalPath, value));
    }

    /** Adds or replaces array instance {@code id} under an existing array and publishes it whole. */
    synchronized void putInstance(List<Object> arrayPath, int id, ObjectNode instance) {
        ArrayNode array = (ArrayNode) TreeOps.get(root, arrayPath);
        ObjectNode copy = instance.deepCopy();
        copy.put("id", id);
        ObjectNode old = TreeOps.instance(array, id);
        if (old != null) old.removeAll().setAll(copy);
        else array.add(copy);
        List<Object> p = new ArrayList<>(arrayPath);
        p.add(id);
        publish(TreeOps.sparse(p, instance));
    }

    /** Removes array instance {@code id} and publishes the ghost ({@code {"id":n,"ghost":"True"}}). */
    synchronized boolean removeInstance(List<Object> arrayPath, int id) {
        ArrayNode array = (ArrayNode) TreeOps.get(root, arrayPath);
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).path("id").asInt(-1) == id) {
                array.remove(i);
                ObjectNode ghost = TreeOps.NODES.objectNode();
                ghost.put("id", id);
                ghost.put("ghost", "True");
                ArrayNode one = TreeOps.NODES.arrayNode().add(ghost);
                JsonNode tree = one;
                for (int k = arrayPath.size() - 1; k >= 0; k--) {
                    tree = TreeOps.NODES.objectNode().set((String) arrayPath.get(k), tree);
                }
                publish((ObjectNode) tree);
                return true;
            }
        }
        return false;
    }

    /** Publishes {@code {"Event":{name:body}}}. */
    synchronized void event(String name, JsonNode body) {
        ObjectNode tree = TreeOps.NODES.objectNode();
        tree.putObject("Event").set(name, body);
        publish(tree);
    }

    synchronized int nextCallId() { return ++lastCallId; }

    synchronized List<String> caCertificates() { return caCertificates; }

    synchronized String signInBanner() { return signInBanner; }

    synchronized void signInBanner(String banner) { this.signInBanner = banner; }

    private void publish(ObjectNode sparse) {
        for (Consumer<ObjectNode> l : listeners) l.accept(sparse);
    }
}
