package io.phonectl.xapi.schema;

import io.phonectl.xapi.tree.Leaf;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One schema item. Status/Configuration leaves have a value space and a simulator default (containers have
 * neither); commands have parameters, a multi-line flag and an example result; events have fields.
 * {@code since} and {@code deployments} are the release and deployment models of seeds/002 where known.
 */
public record SchemaNode(NodeType type, SchemaPath path, ValueSpace value, Leaf defaultValue, Set<Role> roles,
                         List<Param> params, boolean multiline, JsonNode result, List<Param> fields, String since,
                         List<String> deployments) {

    public SchemaNode {
        roles = Set.copyOf(roles);
        params = List.copyOf(params);
        fields = List.copyOf(fields);
        deployments = List.copyOf(deployments);
    }

    public boolean isContainer() {
        return value == null && (type == NodeType.Status || type == NodeType.Configuration);
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }
}
