package io.phonectl.server.notify;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved notification: its params (as a notification job takes them) with {@code {{variable}}} placeholders in
 * text members, and the variables it declares.
 */
public record Template(long id, String name, String description, Map<String, JsonNode> params,
                      List<Variable> variables, String createdBy, Instant createdAt, Instant updatedAt) {

    /**
     * A named variable.
     *
     * @param maxLength the longest value accepted (1..255, default 64); the template is checked with every variable
     *                  at this length, so no value that fits can make the notification invalid
     * @param defaultValue used when a send gives no value; without one the variable is required
     */
    public record Variable(String name, Integer maxLength, String defaultValue) {
    }

    /** What {@code POST /api/v1/templates} and {@code PUT} take. */
    public record Input(String name, String description, Map<String, JsonNode> params, List<Variable> variables) {
    }
}
