package io.phonectl.client.xsi;

/** A phone's HTTP answer as read: status, Content-Type header (or null) and body bytes. */
public record Answer(int status, String contentType, byte[] body) {
}
