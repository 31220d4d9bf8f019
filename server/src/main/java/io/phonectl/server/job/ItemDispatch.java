package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.server.credential.CredentialService;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns one claimed item into its final outcome: the device kind must fit the action, the deadline must not have
 * passed, credentials must resolve when the action needs them; then the {@link ItemSender} does the exchanges.
 * Nothing here throws for what a device or the network does. One per run (it caches opened credential sets).
 */
final class ItemDispatch {

    /** The exchanges with one device for one action (retries included), after the common checks. */
    interface ItemSender {
        /** Whether the action needs credentials (XSI pages do not; pushes and screenshots do). */
        boolean needsCredentials();

        ItemOutcome send(ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts);
    }

    private final JobAction action;
    private final ItemSender sender;
    private final CredentialService credentials;
    private final InstantSource clock;
    private final Attempts.Policy policy;
    private final Instant deadline;
    private final Map<Long, Object> opened = new ConcurrentHashMap<>();
    private final Function<ClaimedItem, Credentials> oneTime;

    /** @param oneTime credentials made for the job and each device instead of the device's set, or null */
    ItemDispatch(JobAction action, ItemSender sender, CredentialService credentials, InstantSource clock,
                 Attempts.Policy policy, Instant deadline, Function<ClaimedItem, Credentials> oneTime) {
        this.oneTime = oneTime;
        this.action = action;
        this.sender = sender;
        this.credentials = credentials;
        this.clock = clock;
        this.policy = policy;
        this.deadline = deadline;
    }

    /** One device's operation, outside any job run: no concurrency limit. */
    ItemOutcome dispatch(ClaimedItem item) {
        return dispatch(item, null);
    }

    /** @param slot the item's place in its run's concurrency limit (null: none) */
    ItemOutcome dispatch(ClaimedItem item, ItemSlot slot) {
        Instant now = clock.instant();
        if (!action.accepts(item.kind())) {
            return ItemOutcome.notSent(OutcomeKind.UNSUPPORTED.name(), "action " + action.id() + " is for "
                    + (action.kind().spelling().equals("xsi") ? "XSI phones" : "xAPI devices") + ", not a "
                    + item.kind().spelling() + " device", now);
        }
        if (!now.isBefore(deadline)) {
            return ItemOutcome.notSent(OutcomeKind.DEADLINE_EXCEEDED.name(), "not sent: the job's deadline "
                    + deadline + " passed", now);
        }
        PhoneAddress address;
        try {
            address = PhoneAddress.parse(item.address());
        } catch (IllegalArgumentException e) {
            return ItemOutcome.notSent(OutcomeKind.INVALID.name(), e.getMessage(), now);
        }
        Credentials c = null;
        if (sender.needsCredentials() && oneTime != null) {
            if (item.deviceId() == null) {
                return ItemOutcome.notSent(OutcomeKind.NO_CREDENTIALS.name(), "device " + item.name()
                        + " was deleted: no one-time credentials", now);
            }
            c = oneTime.apply(item);
        } else if (sender.needsCredentials()) {
            Object open = item.credentialId() == null ? "device " + item.name() + " has no credential set"
                    : opened.computeIfAbsent(item.credentialId(), this::open);
            if (open instanceof String why) {
                return ItemOutcome.notSent(OutcomeKind.NO_CREDENTIALS.name(), why, now);
            }
            c = (Credentials) open;
            if (!item.user().isEmpty()) {
                c = c.withUser(item.user());
            }
        }
        return sender.send(item, address, c, new Attempts(policy, clock, deadline, slot));
    }

    /** The opened set, or why it cannot be used (never the secret). */
    private Object open(long id) {
        try {
            return credentials.resolve(id);
        } catch (RuntimeException e) {
            return "credential set " + id + " cannot be used: " + e.getMessage();
        }
    }

    /** Time left before the deadline, for one exchange: at most {@code max}. */
    static Duration timeout(Duration max, InstantSource clock, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.compareTo(max) < 0 ? left : max;
    }
}
