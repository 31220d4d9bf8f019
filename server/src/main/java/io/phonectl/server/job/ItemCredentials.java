package io.phonectl.server.job;

import io.phonectl.client.credentials.Credentials;

/**
 * Credentials made for one job and one device, used instead of the device's credential set when a job asks for
 * them ({@code "options":{"oneTimeCredentials":true}}). The authentication relay implements it: a phone in
 * authentication-URL mode asks the service whether these are good, and only this job's item for this device is
 * answered {@code AUTHORIZED}, while the job runs.
 */
@FunctionalInterface
public interface ItemCredentials {

    /** The credentials of this job for this device. */
    Credentials issue(long jobId, long deviceId, String deviceName);
}
