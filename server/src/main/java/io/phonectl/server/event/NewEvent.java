package io.phonectl.server.event;

import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** An event before it is stored: what {@link EventService#append} takes. */
public record NewEvent(String type, Long job, Long device, String actor, ObjectNode data) {

    public static final int MAX_TYPE = 64;

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (type.isEmpty() || type.length() > MAX_TYPE) {
            throw new IllegalArgumentException("event type \"" + type + "\": 1.." + MAX_TYPE + " characters");
        }
        actor = actor == null ? "" : actor;
    }
}
