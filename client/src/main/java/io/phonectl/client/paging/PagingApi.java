package io.phonectl.client.paging;

/**
 * How a phone is told to receive a page. The model catalog picks per phone unless the user forces one
 * ({@code --api legacy|media}).
 */
public enum PagingApi {
    /** {@code RTPRx:source:port[:volume]} / {@code RTPMRx:group:port[:volume]} in an Execute; stopped by {@code RTPRx:Stop}. */
    LEGACY("legacy"),
    /** RTP Streaming API: {@code startMedia} (answer: a stream id), stopped by {@code stopMedia} with that id. */
    MEDIA("media");

    private final String option;

    PagingApi(String option) {
        this.option = option;
    }

    /** The spelling on the command line and in reports. */
    public String option() {
        return option;
    }

    /** Parses {@code legacy} or {@code media} (case-insensitive); null for anything else. */
    public static PagingApi fromOption(String text) {
        for (PagingApi api : values()) {
            if (api.option.equalsIgnoreCase(text)) {
                return api;
            }
        }
        return null;
    }
}
