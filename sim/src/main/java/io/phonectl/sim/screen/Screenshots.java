package io.phonectl.sim.screen;

import io.phonectl.sim.net.Reply;
import io.phonectl.sim.phone.SimPhone;

import java.util.Map;

/** A phone's current screen as the image its model returns from {@code /CGI/Screenshot}. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Reply of(SimPhone phone) {
        ScreenRenderer.Frame frame;
        synchronized (phone) {
            frame = new ScreenRenderer.Frame(phone.screen(), phone.statusOverlay(), phone.device().displayOn());
        }
        byte[] image = ScreenRenderer.encode(phone.model(), frame);
        return new Reply(200, phone.model().screenshotFormat().contentType(), Map.of(), image);
    }
}
