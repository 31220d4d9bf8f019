package io.phonectl.client.xsi;

/** How far an exchange got before it failed: the phase a timeout or failure is reported in. */
public enum Phase {
    /** Opening the TCP connection. */
    CONNECT,
    /** Sending the request (headers and body). */
    REQUEST,
    /** Waiting for or reading the answer ({@code Play:} holds the answer until the clip ends). */
    RESPONSE
}
