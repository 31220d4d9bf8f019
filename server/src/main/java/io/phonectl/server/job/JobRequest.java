package io.phonectl.server.job;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A new job as {@code POST /api/v1/jobs} and the console give it.
 *
 * @param name    a label for lists (optional, at most 200 characters)
 * @param target  which devices (resolved now, once)
 * @param action  a control-spec action id, or {@code xml}, {@code xapi_command}, {@code xapi_config}
 * @param params  the action's parameters
 * @param xml     the document, with action {@code xml}
 * @param options concurrency, deadline, attempts, timeout, pre-flight, site ceiling, callback
 */
public record JobRequest(String name, JobTarget target, String action, Map<String, JsonNode> params, String xml,
                         JobOptions options) {

    public static final int MAX_NAME = 200;

    public JobSpec spec() {
        return new JobSpec(action, params, xml);
    }
}
