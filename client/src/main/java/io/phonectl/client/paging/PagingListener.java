package io.phonectl.client.paging;

/**
 * Receives progress of a {@link PagingSession}. Called from the session's threads (the thread running the page and
 * the virtual threads talking to phones), so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface PagingListener {

    void progress(PagingProgress progress);

    PagingListener NONE = p -> { };
}
