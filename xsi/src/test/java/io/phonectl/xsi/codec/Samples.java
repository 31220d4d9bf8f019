package io.phonectl.xsi.codec;

import io.phonectl.xsi.component.*;
import io.phonectl.xsi.object.*;

import java.util.List;

/** One valid, richly filled instance of every document kind, with characters that need escaping. */
final class Samples {
    private Samples() {
    }

    static final String TRICKY = "A&B <c> \"d\" 'e' ü €";
    static final AppEvents EVENTS = AppEvents.of("Acme/Pager").withFocusLost("Notify:http:srv:80:lost")
            .withFocusGained("Notify:http:srv:80:gained; Key:Services").withMinimized("Init:Services")
            .withClosed("Notify:http:srv:80:closed");
    static final SoftKeyItem EXIT = new SoftKeyItem("Exit", 3, "SoftKey:Exit", null);
    static final SoftKeyItem DIAL = new SoftKeyItem("Dial", -1, "SoftKey:Dial", "Key:Speaker");

    static List<XsiDocument> all() {
        return List.of(
                Menu.builder().title("Menu " + TRICKY.substring(0, 10)).prompt("Pick").item("One & two",
                        "http://srv/a?x=1&y=2").item("Two", "Key:Services").softKey(EXIT).softKey(DIAL)
                        .events(EVENTS).build(),
                Text.builder().title("T").prompt("P").text("line1\r\nline2\ttab " + TRICKY).softKey(EXIT).build(),
                Input.builder().title("Search").url("http://srv/search").urlMethod("post")
                        .item(InputItem.of("First", "f", "A")).item(new InputItem("PIN", "p", "12", new InputFlags("PN")))
                        .softKey(EXIT).events(AppEvents.of("Acme/Dir")).build(),
                Directory.builder().title("Dir").prompt("Records 1 to 2").entry("Ann " + TRICKY, "1000")
                        .entry("Bob", "2000").softKey(DIAL).build(),
                Image.builder().title("Img").location(-1, -1).bitmap(new Bitmap(3, 2, 2, "ABCD")).softKey(EXIT).build(),
                ImageFile.builder().title("PNG").location(0, 0).url("http://srv/img.png?a=1&b=2").build(),
                GraphicMenu.builder().windowMode(WindowMode.WIDE).title("G").prompt("p").location(0, 0)
                        .bitmap(Bitmap.blank(133, 65, 2)).item("one", "http://srv/1").item("two", "Key:Services").build(),
                GraphicFileMenu.builder().windowMode(WindowMode.NORMAL).title("GF").location(1, 2).url("http://srv/g.png")
                        .item("Area", "http://srv/x", new TouchArea(0, 0, 10, 20)).softKey(EXIT).events(EVENTS).build(),
                IconMenu.builder().title("Icons").item(0, "one", "http://srv/1").item(1, "two", "Key:Services")
                        .icon(0, Bitmap.blank(16, 10, 2)).icon(1, new Bitmap(1, 1, 1, "80")).softKey(EXIT).build(),
                IconFileMenu.builder().title("IconFiles").item(0, "one", "http://srv/1")
                        .icon(0, "Resource:Icon.Connected").icon(1, "http://srv/i.png").build(),
                new Status("Paging " + TRICKY.substring(0, 5), 30, 0, 0, Bitmap.blank(106, 21, 1)),
                new StatusFile("On air", 0, -1, -1, "http://srv/s.png"),
                Execute.builder().item(1, "http://srv/page?a=1&b='x'").item("Key:Services").item("Init:AppStatus").build(),
                Response.of(ResponseItem.of("Key:Services", ResponseStatus.SUCCESS),
                        ResponseItem.of("Dial:1000", ResponseStatus.NO_ACTIVE_CALL),
                        new ResponseItem("Device:PRTStatus", "Generated PRT at https://127.0.0.1/FS/prt-1.tar.gz", 0)),
                PhoneError.of(4),
                new PhoneError(1, "bad <xml> & more"),
                new SetBackground("http://srv/bg.png", "http://srv/bg-thumb.png"),
                new SetRingTone("http://srv/ring.raw"),
                new StartMedia(MediaStream.audio(Codec.G729, MediaMode.SEND_RECEIVE, "239.1.2.3", 20480)
                        .withOnStopped("Notify:http:server:80:path/page").withReceiveVolume(50)),
                new StartMedia(new MediaStream("s1", null, null, "audio", Codec.G711, MediaMode.RECEIVE, "127.0.0.2", 32768)),
                new StopMedia("abc123"),
                StopMedia.all(),
                new MediaStreamReply("abc123"),
                ErrorResponse.unknownStream("abc123"),
                ErrorResponse.invalidXml("line 1: unexpected <"),
                new ErrorResponse(ErrorType.INVALID_URL, null),
                NotifyMediaEvent.stoppedByUser("abc123"),
                new NotifyApplicationEvent("Acme/Pager", AppEventType.FOCUS_GAINED),
                new GetDeviceCaps(),
                new GetDeviceCapsResponse("CP-7970", new DisplayCaps(298, 168, 12, true), "5.0.3", "xhtml"));
    }
}
