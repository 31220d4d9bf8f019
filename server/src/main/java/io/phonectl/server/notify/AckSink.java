package io.phonectl.server.notify;

/**
 * Where acknowledgements arrive, whatever carried them: a phone fetching its Acknowledge URL, a RoomOS device's
 * HttpFeedback post of a prompt answer, or (when the service keeps a live xAPI connection) the same event from the
 * WebSocket. The token is the one the notification carried (softkey URL, prompt FeedbackId).
 */
public interface AckSink {

    /** What became of an acknowledgement. */
    enum Result {
        /** Recorded now. */
        ACKNOWLEDGED,
        /** This item was acknowledged before; nothing changed. */
        ALREADY,
        /** The notification expired; nothing recorded. */
        EXPIRED,
        /** Not a token of this service, or not of a notification that asks for acknowledgement. */
        UNKNOWN
    }

    /**
     * @param via  {@code softkey} or {@code prompt}
     * @param from the address it came from (for the record; at most 140 characters kept)
     */
    Result acknowledge(String token, String via, String from);
}
