package io.phonectl.sim.execute;

import io.phonectl.media.ring.RingFileChecker;
import io.phonectl.sim.image.Picture;
import io.phonectl.sim.net.HttpFetch;
import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.model.Wallpaper;
import io.phonectl.xsi.object.PhoneError;
import io.phonectl.xsi.object.Response;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.object.SetBackground;
import io.phonectl.xsi.object.SetRingTone;

import java.util.List;
import java.util.Map;

/**
 * {@code setBackground} and {@code setRingTone} fetch what they name, with the phone's headers, before they answer:
 * the background PNG and its thumbnail, each checked as {@link PhoneImages} checks a PNG against the model's wallpaper
 * sizes (catalog {@code wallpaper}); the ring file checked against the ring-file rules ({@link RingFileChecker}). A
 * good file takes effect (the background shows behind the idle screen); a bad one leaves the phone as it was, writes
 * the reason to the device log and is answered {@code <CiscoIPPhoneError Number="3" />}, the control spec's
 * "Internal file error" (which number the phones send here is not public: docs/simulator.md).
 */
final class DeviceFiles {

    private final PhoneHttp http;
    private final PhoneImages images;

    DeviceFiles(PhoneHttp http, PhoneImages images) {
        this.http = http;
        this.images = images;
    }

    Reply background(SimPhone phone, SetBackground bg) {
        Wallpaper size = phone.model().catalog().wallpaperSize()
                .orElse(new Wallpaper(phone.model().width(), phone.model().height(), phone.model().width(),
                        phone.model().height()));
        Picture full = picture(phone, bg.image(), size.width(), size.height());
        Picture thumbnail = full == null ? null : picture(phone, bg.icon(), size.thumbnailWidth(), size.thumbnailHeight());
        if (thumbnail == null) {
            return fileError(phone, "setBackground");
        }
        phone.device().background(full, bg.image(), bg.icon());
        return success(phone, "setBackground");
    }

    Reply ringTone(SimPhone phone, SetRingTone rt) {
        PhoneHttp.Got got;
        try {
            got = http.get(phone, rt.ringTone(), RingFileChecker.MAX_SAMPLES + 1);
        } catch (PhoneHttp.Failed f) {
            phone.log("ring tone " + rt.ringTone() + ": " + (f.kind() == HttpFetch.FetchException.Kind.TOO_LARGE
                    ? "more than " + RingFileChecker.MAX_SAMPLES + " samples" : f.prompt()));
            return fileError(phone, "setRingTone");
        }
        if (got.status() != 200) {
            phone.log("ring tone " + rt.ringTone() + ": HTTP Error [" + got.status() + "]");
            return fileError(phone, "setRingTone");
        }
        List<Violation> broken = RingFileChecker.check(got.body());
        if (!broken.isEmpty()) {
            phone.log("ring tone " + rt.ringTone() + ": " + broken);
            return fileError(phone, "setRingTone");
        }
        phone.device().ringTone(rt.ringTone(), got.body().length);
        return success(phone, "setRingTone");
    }

    private Picture picture(SimPhone phone, String url, int maxWidth, int maxHeight) {
        return switch (images.load(phone, url, maxWidth, maxHeight)) {
            case PhoneImages.Loaded.Ok ok -> ok.picture();
            case PhoneImages.Loaded.Failed f -> null; // PhoneImages logged why
        };
    }

    private static Reply success(SimPhone phone, String root) {
        phone.history().recordExecuted(root, 0, "Success");
        return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(new Response(List.of(
                ResponseItem.of("", ResponseStatus.SUCCESS)))));
    }

    private static Reply fileError(SimPhone phone, String root) {
        phone.history().recordExecuted(root, PhoneError.INTERNAL_FILE_ERROR, "CiscoIPPhoneError Number=3");
        return new Reply(200, Reply.XML, Map.of(), XsiCodec.encode(PhoneError.of(PhoneError.INTERNAL_FILE_ERROR)));
    }
}
