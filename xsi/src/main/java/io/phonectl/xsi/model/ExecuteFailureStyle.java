package io.phonectl.xsi.model;

/** How a model answers a refused /CGI/Execute (reference notes §2.2, §2.3). */
public enum ExecuteFailureStyle {
    /** HTTP 200 with {@code <CiscoIPPhoneError Number="4" />} (older firmware). */
    LEGACY_200_ERROR4,
    /** HTTP 401 with {@code <CiscoIPPhoneError Number="4" />}. */
    HTTP_401_ERROR4,
    /** Multiplatform firmware: empty 200, no CiscoIPPhoneResponse or CiscoIPPhoneError at all. */
    NO_RESPONSE
}
