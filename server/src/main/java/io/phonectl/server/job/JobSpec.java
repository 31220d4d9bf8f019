package io.phonectl.server.job;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What a job sends, as given: a control-spec action id with its parameters, {@code xml} with a display object or
 * Execute in {@link #xml}, or {@code xapi_command} / {@code xapi_config} with the path and values in the parameters.
 * Stored as given; {@link JobActions#build} turns it into a {@link JobAction} at creation (to refuse what cannot be
 * built) and again at each run.
 */
public record JobSpec(String action, Map<String, JsonNode> params, String xml) {

    public JobSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
