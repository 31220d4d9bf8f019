package io.phonectl.client.inventory;

/** An inventory file or a selection expression that cannot be used; the message names where and why. */
public final class InventoryException extends RuntimeException {
    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
