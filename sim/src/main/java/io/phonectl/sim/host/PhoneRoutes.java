package io.phonectl.sim.host;

import io.phonectl.sim.phone.SimPhone;

/**
 * The phone's routes that need the request body or more than a GET: {@code /CGI/Execute}. Supplied by the
 * execute feature; kept as an interface so the host does not depend on how Execute is interpreted.
 */
public interface PhoneRoutes {

    /** Handles an authenticated POST to {@code /CGI/Execute}. {@code body} is at most {@link #MAX_BODY} bytes. */
    Reply execute(SimPhone phone, String contentType, byte[] body);

    /** Largest body read: the 40 KB profile percent-encoded (up to three bytes per byte) with room for the field name. */
    int MAX_BODY = 3 * 40_960 + 1024;
}
