package io.phonectl.server.notify;

import tools.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/**
 * RoomOS prompt answers, whichever way they come: {@code UserInterface Message Prompt Response} carries the prompt's
 * FeedbackId, which is the acknowledgement token. The HttpFeedback door ({@code POST /ack/feedback}) and the live
 * WebSocket of a managed device (this class as the live connections' event listener) both read it here and hand it
 * to the {@link AckSink}; whichever arrives second finds the item acknowledged already.
 */
public final class PromptAnswers implements BiConsumer<Long, JsonNode> {

    static final String RESPONSE = "/UserInterface/Message/Prompt/Response";

    private final AckSink acks;

    PromptAnswers(AckSink acks) {
        this.acks = acks;
    }

    /** The FeedbackId of a prompt answer in an event's body (what is under {@code Event}); empty for anything else. */
    public static String feedbackId(JsonNode eventBody) {
        return eventBody == null ? "" : eventBody.at(RESPONSE).path("FeedbackId").asString("");
    }

    /** An event a managed device sent over its live WebSocket (the body under {@code Event}). */
    @Override
    public void accept(Long deviceId, JsonNode event) {
        String token = feedbackId(event);
        if (!token.isEmpty()) {
            acks.acknowledge(token, "prompt", "device " + deviceId + " (live WebSocket)");
        }
    }
}
