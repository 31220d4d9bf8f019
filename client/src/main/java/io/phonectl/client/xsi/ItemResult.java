package io.phonectl.client.xsi;

/** One ResponseItem of a CiscoIPPhoneResponse: the URI echoed, its Status and Data. */
public record ItemResult(String url, int status, String data) {
    public boolean succeeded() {
        return status == 0;
    }
}
