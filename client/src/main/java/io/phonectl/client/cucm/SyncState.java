package io.phonectl.client.cucm;

import io.phonectl.cucm.axl.AxlPhone;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an incremental sync starts: the AXL change queue's id and the next change to ask for, and the configured
 * phones as AXL last described them (a sync updates these with the changes and asks RisPort about all of them).
 * Saved as JSON beside the inventory file; holds no credentials.
 */
public record SyncState(String cluster, String queueId, long nextChangeId, List<AxlPhone> phones) {

    public SyncState {
        phones = List.copyOf(phones);
    }

    /** uuids as AXL writes them in different places ({1B1B…} in getPhone, 1b1b… in listChange) compare equal so. */
    static String canonicalUuid(String uuid) {
        return uuid == null ? "" : uuid.replace("{", "").replace("}", "").strip().toLowerCase(Locale.ROOT);
    }

    public String toJson() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("cluster", cluster).put("queueId", queueId).put("nextChangeId", nextChangeId);
        ArrayNode list = root.putArray("phones");
        for (AxlPhone p : phones) {
            ObjectNode o = list.addObject();
            o.put("uuid", p.uuid()).put("name", p.name()).put("description", p.description()).put("model", p.model())
                    .put("protocol", p.protocol()).put("devicePool", p.devicePoolName()).put("dn", p.primaryDn());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** @throws IllegalArgumentException naming what is wrong with the file */
    public static SyncState fromJson(String text, String where) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("phones").isArray() || !root.path("nextChangeId").isNumber()) {
            throw new IllegalArgumentException(where + ": not a sync state (cluster, queueId, nextChangeId, phones)");
        }
        List<AxlPhone> phones = new ArrayList<>();
        for (JsonNode p : root.path("phones")) {
            String dn = p.path("dn").isNull() ? null : p.path("dn").asString(null);
            phones.add(new AxlPhone(p.path("uuid").asString(null), p.path("name").asString(), p.path("description")
                    .asString(null), p.path("model").asString(null), p.path("model").asString(null), "Phone",
                    p.path("protocol").asString(null), p.path("devicePool").asString(null),
                    dn == null ? List.of() : List.of(new AxlPhone.Line(1, dn, ""))));
        }
        return new SyncState(root.path("cluster").asString(""), root.path("queueId").asString(""),
                root.path("nextChangeId").asLong(), phones);
    }
}
