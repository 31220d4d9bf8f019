package io.phonectl.sim.inspect;

import io.phonectl.sim.phone.PhoneEvent;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.object.AppEvents;
import io.phonectl.xsi.object.Urls;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A phone's whole state as the inspection API shows it (JSON). A consistent snapshot under the phone's lock. */
public record PhoneView(String name, String model, String address, Screen screen, String renderedText,
                        int screenDepth, String statusOverlay, Display display, Call call, int volume,
                        String application, boolean locked, Map<String, String> settings,
                        List<Map<String, Object>> streams, List<PhoneEvent> executed, List<PhoneEvent> notifications,
                        Map<String, Object> browser) {

    public record Display(boolean on, Instant until) {
    }

    public record Call(String state, String audioPath, String dialled, String sentDigits) {
    }

    /** Summary row for the phone list. */
    public record Summary(String name, String model, String address) {
    }

    static PhoneView of(SimPhone p, List<Map<String, Object>> streams, Map<String, Object> browser) {
        synchronized (p) {
            Screen s = redacted(p.screen());
            return new PhoneView(p.name(), p.model().headerName(), address(p), s, s.renderedText(), p.screens().size(),
                    p.statusOverlay(), new Display(p.device().displayOn(), p.device().displayUntil()),
                    new Call(p.call().name(), p.audioPath(), p.dialled(), p.sentDigits()), p.device().volume(),
                    p.openApplication(), p.device().locked(), p.device().settings(), streams, p.history().executed(), p.history().notifications(),
                    browser);
        }
    }

    /** Event handlers may carry Notify credentials: the inspection API never shows them. */
    static Screen redacted(Screen s) {
        AppEvents e = s.events();
        if (e == null) {
            return s;
        }
        return s.withEvents(new AppEvents(e.appId(), Urls.redact(e.onAppFocusLost()), Urls.redact(e.onAppFocusGained()),
                Urls.redact(e.onAppMinimized()), Urls.redact(e.onAppClosed())));
    }

    static Summary summary(SimPhone p) {
        return new Summary(p.name(), p.model().headerName(), address(p));
    }

    static String address(SimPhone p) {
        return p.address().getAddress().getHostAddress() + ":" + p.address().getPort();
    }
}
