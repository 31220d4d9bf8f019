package io.phonectl.server.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One entry of the append-only event stream.
 *
 * @param id     increasing; the Server-Sent Events id ({@code Last-Event-ID} resumes after it)
 * @param type   e.g. {@code job.progress}, {@code device.media}, {@code audit} (docs/service.md lists them)
 * @param job    the job it concerns, or null
 * @param device the device it concerns, or null
 * @param actor  who caused it: a user, {@code user/token}, {@code system}, or a device's address
 * @param data   the type's own members (never a secret)
 */
public record Event(long id, Instant time, String type, Long job, Long device, String actor, JsonNode data) {
}
