package io.phonectl.client.xsi;

import io.phonectl.client.http.Challenges;

import java.util.List;

/**
 * A phone's HTTP answer as read: status, Content-Type header (or null), body bytes, and for a 401 the challenges
 * (its {@code WWW-Authenticate} values, e.g. {@code Digest realm="…", nonce="…"}) when they were not answered.
 */
public record Answer(int status, String contentType, byte[] body, List<String> challenges) {

    public Answer {
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
    }

    public Answer(int status, String contentType, byte[] body) {
        this(status, contentType, body, List.of());
    }

    /** The same answer without its challenges (they were answered, or are not to be). */
    Answer unchallenged() {
        return challenges.isEmpty() ? this : new Answer(status, contentType, body);
    }

    /** Whether a 401 asked for Digest, which was not answered (the model is not one the catalog marks, no --digest). */
    public boolean unansweredDigest() {
        return status == 401 && !challenges.isEmpty()
                && Challenges.schemes(challenges).stream().anyMatch("Digest"::equalsIgnoreCase);
    }
}
