package io.phonectl.server.job;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One item of a job: the device as resolved at creation and its outcome, in the client's outcome shape (name,
 * address, model, outcome, success, attempts, elapsedMillis, detail, items, streamId) plus the job's own members.
 *
 * @param state   pending, in_flight or final
 * @param items   the per-URL results of a CiscoIPPhoneResponse, or null
 * @param streamId the stream a startMedia opened, or null
 * @param result  what a collection kept ({@code contentType}, {@code bytes}) or an xAPI command returned, or null
 * @param resumed sent a second time because the run that first sent it died
 */
public record JobItem(long id, Long deviceId, String name, String address, String model, String kind, String site,
                      String state, String outcome, Boolean success, int attempts, Long elapsedMillis, String detail,
                      JsonNode items, String streamId, JsonNode result, boolean resumed, Instant queuedAt,
                      Instant startedAt, Instant finishedAt) {
}
