package io.phonectl.client.callback;

/**
 * Receives callback events. Called on the receiver's server threads, possibly concurrently for POSTs
 * from different phones; a listener that needs order should queue. Exceptions are swallowed so that the
 * phone still gets its answer.
 */
@FunctionalInterface
public interface CallbackListener {
    void onEvent(CallbackEvent event);
}
