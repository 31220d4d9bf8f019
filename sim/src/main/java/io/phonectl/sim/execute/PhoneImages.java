package io.phonectl.sim.execute;

import io.phonectl.sim.image.PngImages;
import io.phonectl.sim.image.Picture;
import io.phonectl.sim.net.HttpFetch;
import io.phonectl.sim.phone.SimPhone;

/**
 * The PNGs a phone fetches for ImageFile, GraphicFileMenu, IconFileMenu and setBackground: GET with the phone's
 * headers, then the checks the Application Development Notes give ("the web server must deliver the PNG image to the
 * phone with an appropriate MIME Content-Type header, such as image/png"; the maximum size is the model's). A failure
 * is the prompt-line text the phone shows, from the control spec's list of prompt-line messages ("Data too large!",
 * "Unknown Error", "HTTP Error", "Host Not Found"…); which message goes with which failure is our choice
 * (docs/simulator.md), and the reason is written to the device log.
 */
final class PhoneImages {

    /** Control spec, prompt-line messages: an image over the size limit (bytes or pixels). */
    static final String TOO_LARGE = "Data too large!";
    /** Control spec, prompt-line messages: not an image/png answer, or not a readable PNG. */
    static final String UNKNOWN = "Unknown Error";

    /** A picture, or the prompt-line text of why there is none. */
    sealed interface Loaded {
        record Ok(Picture picture) implements Loaded {
        }

        record Failed(String prompt) implements Loaded {
        }
    }

    private final PhoneHttp http;
    private final PngImages png = new PngImages();

    PhoneImages(PhoneHttp http) {
        this.http = http;
    }

    /** Fetches the PNG at {@code url} for {@code phone}; at most maxWidth x maxHeight pixels. */
    Loaded load(SimPhone phone, String url, int maxWidth, int maxHeight) {
        PhoneHttp.Got got;
        try {
            got = http.get(phone, url, PngImages.MAX_BYTES);
        } catch (PhoneHttp.Failed f) {
            return failed(phone, url, f.kind() == HttpFetch.FetchException.Kind.TOO_LARGE ? TOO_LARGE : f.prompt(),
                    f.prompt());
        }
        if (got.status() != 200) {
            return failed(phone, url, "HTTP Error [" + got.status() + "]", "status " + got.status());
        }
        if (!got.mediaType().equals("image/png")) {
            return failed(phone, url, UNKNOWN, "Content-Type \"" + got.answer().header("Content-Type")
                    + "\", not image/png");
        }
        return switch (png.read(got.body(), maxWidth, maxHeight)) {
            case PngImages.Result.Ok ok -> new Loaded.Ok(ok.picture());
            case PngImages.Result.Refused r -> failed(phone, url, r.tooLarge() ? TOO_LARGE : UNKNOWN, r.why());
        };
    }

    private static Loaded failed(SimPhone phone, String url, String prompt, String why) {
        phone.log("image " + url + ": " + why + " (" + prompt + ")");
        return new Loaded.Failed(prompt);
    }
}
