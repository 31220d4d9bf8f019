package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.server.device.DeviceKind;

import java.time.Duration;

/**
 * A job kind a feature package adds with its own exchanges (the readiness audit), registered with
 * {@link JobEngine#register}: its action id is then accepted by {@code POST /api/v1/jobs}, and each item goes
 * through the engine's usual claims, deadline, credentials and outcome writing, with {@link Sender#send} doing the
 * talking. The smallest extension point: everything else about a job stays the engine's.
 */
public interface JobKind {

    /** The action id ({@code "readiness"}); it must not be a catalog action id. */
    String id();

    /** Checks the job's parameters (a problem names {@code params.<name>}) and makes the sender of one run. */
    Sender build(JobSpec spec, XsiTransport transport);

    /** The exchanges with one device. */
    interface Sender {
        /** Whether devices of this kind take part (others end UNSUPPORTED without being contacted). */
        boolean accepts(DeviceKind kind);

        /** Whether the engine must resolve credentials first (a device without any then ends NO_CREDENTIALS). */
        boolean needsCredentials();

        /** One item's final outcome; nothing thrown for what a device does. */
        ItemOutcome send(ClaimedItem item, PhoneAddress address, Credentials credentials, Duration timeout);
    }
}
