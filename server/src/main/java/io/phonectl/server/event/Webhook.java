package io.phonectl.server.event;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API shows it: never its secret.
 *
 * @param types event types it receives (exact, or prefixes such as {@code job.*}; {@code *} = all)
 */
public record Webhook(long id, String url, List<String> types, String description, boolean enabled,
                      String createdBy, Instant createdAt) {

    /** What {@code POST /api/v1/webhooks} takes; the secret signs deliveries and is never shown again. */
    public record Input(String url, List<String> types, String secret, String description) {
        @Override
        public String toString() {
            return "Webhook.Input[" + url + ", " + types + ", secret=***]";
        }
    }

    /** One delivery of one event to one webhook, with its attempts so far. */
    public record Delivery(long id, long webhookId, long eventId, String eventType, String state, int attempts,
                           Integer lastStatus, String lastError, Instant createdAt, Instant nextAttemptAt,
                           Instant finishedAt) {
    }
}
