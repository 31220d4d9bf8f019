package io.phonectl.client.paging;

import io.phonectl.client.inventory.PhoneEntry;

/**
 * What a page did on one phone. Contains no credentials.
 *
 * @param api         the API chosen for the phone (null when none could be: model refused both)
 * @param status      the outcome
 * @param detail      one line: the phone's answer or why it was not contacted
 * @param target      where its audio went: {@code host:port} (unicast) or {@code group:port} (multicast); empty if none
 * @param streamId    the startMedia stream id, or empty
 * @param packetsSent RTP packets sent to this phone (multicast: to the group while it received)
 * @param stopped     true when the phone was told to stop and did not refuse
 * @param stopDetail  the stop command's outcome, or empty when no stop was needed
 */
public record PagingResult(PhoneEntry phone, PagingApi api, PagingStatus status, String detail, String target,
                           String streamId, long packetsSent, boolean stopped, String stopDetail) {
}
