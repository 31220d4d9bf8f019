package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PhoneAddress;

import java.time.Instant;

/** A registered {@link JobKind}'s sender inside the engine: one exchange within the item's timeout and deadline. */
final class ExtensionSender implements ItemDispatch.ItemSender {

    private final JobKind.Sender sender;

    ExtensionSender(JobKind.Sender sender) {
        this.sender = sender;
    }

    @Override
    public boolean needsCredentials() {
        return sender.needsCredentials();
    }

    @Override
    public ItemOutcome send(ClaimedItem item, PhoneAddress address, Credentials credentials, Attempts attempts) {
        // a kind's exchanges are its own business: no retries on top of them
        Attempts.Result<ItemOutcome> r = attempts.run(timeout -> sender.send(item, address, credentials, timeout),
                o -> false);
        return r.last() != null ? r.last() : ItemOutcome.notSent(OutcomeKind.DEADLINE_EXCEEDED.name(),
                "not sent: no time left before the job's deadline", Instant.now());
    }
}
