package io.phonectl.xsi.component;

import io.phonectl.xsi.object.XsiDocument;

/** A message of the RTP Streaming API, the Application Management API or the getDeviceCaps query (seeds/000, 001). */
public sealed interface ComponentMessage extends XsiDocument
        permits StartMedia, StopMedia, MediaStreamReply, ErrorResponse, NotifyMediaEvent, NotifyApplicationEvent,
        GetDeviceCaps, GetDeviceCapsResponse {
}
