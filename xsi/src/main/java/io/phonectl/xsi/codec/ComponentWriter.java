package io.phonectl.xsi.codec;

import io.phonectl.xsi.component.*;

/** Writes component-API messages in the element order of the seeds' examples. */
final class ComponentWriter {
    private ComponentWriter() {
    }

    static void write(XmlOut o, ComponentMessage msg) {
        switch (msg) {
            case StartMedia s -> {
                MediaStream m = s.stream();
                o.start(s.rootElement()).open().start("mediaStream").attr("id", m.id())
                        .attr("onStopped", m.onStopped()).attr("receiveVolume", m.receiveVolume()).open()
                        .leaf("type", m.type()).leaf("codec", m.codec().xml()).leaf("mode", m.mode().xml())
                        .leaf("address", m.address()).leaf("port", m.port()).end("mediaStream").end(s.rootElement());
            }
            case StopMedia s -> {
                if (s.stopsAll()) {
                    o.start(s.rootElement()).selfClose();
                } else {
                    o.start(s.rootElement()).open().start("mediaStream").attr("id", s.id()).selfClose()
                            .end(s.rootElement());
                }
            }
            case MediaStreamReply r -> o.start(r.rootElement()).attr("id", r.id()).selfClose();
            case ErrorResponse e -> o.start(e.rootElement()).open().leaf("type", e.type().xml()).leaf("data", e.data())
                    .end(e.rootElement());
            case NotifyMediaEvent n -> o.start(n.rootElement()).attr("type", n.type()).attr("origin", n.origin()).open()
                    .start("mediaStream").attr("id", n.streamId()).selfClose().end(n.rootElement());
            case NotifyApplicationEvent n -> o.start(n.rootElement()).attr("appId", n.appId())
                    .attr("type", n.type().xml()).selfClose();
            case GetDeviceCaps g -> o.start(g.rootElement()).selfClose();
            case GetDeviceCapsResponse r -> {
                o.start(r.rootElement()).open().start("physical").open().leaf("modelNumber", r.modelNumber());
                DisplayCaps d = r.display();
                if (d != null) {
                    o.start("display").attr("width", d.width()).attr("height", d.height())
                            .attr("bitDepth", d.bitDepth()).attr("isColor", d.isColor()).selfClose();
                }
                o.end("physical").start("services").attr("sdkVersion", r.sdkVersion()).open()
                        .leaf("browser", r.browser()).end("services").end(r.rootElement());
            }
        }
    }
}
