package io.phonectl.sim.app;

import io.phonectl.sim.phone.CallState;
import io.phonectl.sim.phone.PhoneFeature;
import io.phonectl.sim.phone.PhoneListener;
import io.phonectl.sim.phone.Screen;
import io.phonectl.sim.phone.SimPhone;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.AppEventType;
import io.phonectl.xsi.component.NotifyApplicationEvent;
import io.phonectl.xsi.model.Family;
import io.phonectl.xsi.object.AppEvents;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.object.ResponseStatus;
import io.phonectl.xsi.object.Urls;
import io.phonectl.xsi.uri.AppUri;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.NotifyUri;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Application Management API (seeds/000): applications are the screens pushed with an {@code appId}; focus
 * follows the top of the screen stack. App URIs move applications (RequestFocus, ReleaseFocus, Minimize, Close;
 * the 9800 series and the 8875 treat Minimize as Close) and event handlers ({@code onAppFocusLost},
 * {@code onAppFocusGained}, {@code onAppMinimized}, {@code onAppClosed}) run when focus changes: Notify URIs post
 * {@code notifyApplicationEvent}, other internal URIs run as if pushed; HTTP URLs are refused in handlers.
 * Handlers run on their own virtual thread, never under the phone's lock.
 */
public final class Applications implements PhoneListener, PhoneFeature {

    /** Per-phone state, guarded by the phone's monitor. */
    static final class State {
        final Map<String, AppEvents> handlers = new HashMap<>();
        final Map<String, List<Screen>> hidden = new HashMap<>();
        String focused;
        String quietClose; // an explicit Minimize/Close already fired its own event
    }

    private final Notifier notifier;
    private volatile BiConsumer<SimPhone, String> uriRunner = (p, u) -> { };

    public Applications(Notifier notifier) {
        this.notifier = notifier;
    }

    /** How handler URIs other than Notify run (the Execute feature's URI effects). */
    public void uriRunner(BiConsumer<SimPhone, String> runner) {
        this.uriRunner = runner;
    }

    private static State of(SimPhone p) {
        return p.extension(State.class, State::new);
    }

    /** App URIs; null for other families. Asynchronous on phones: Status 0 only means accepted. */
    @Override
    public ResponseItem uri(SimPhone phone, InternalUri uri, String url) {
        if (!(uri instanceof AppUri app)) {
            return null;
        }
        int priority = app.priority() == null ? 0 : app.priority();
        if (phone.call() != CallState.IDLE && priority == 2) {
            phone.log(url + " dropped: phone busy and Priority is 2");
            return ResponseItem.of(url, ResponseStatus.SUCCESS);
        }
        synchronized (phone) {
            State s = of(phone);
            String id = app.applicationId();
            if (!s.handlers.containsKey(id)) {
                return ResponseItem.of(url, ResponseStatus.UNKNOWN_APPLICATION_ID);
            }
            AppUri.Action action = app.action();
            Family f = phone.model().catalog().family();
            if (action == AppUri.Action.Minimize && (f == Family.F98XX || f == Family.F8875)) {
                action = AppUri.Action.Close;
            }
            switch (action) {
                case RequestFocus -> {
                    List<Screen> back = s.hidden.remove(id);
                    if (back != null) {
                        phone.restore(back);
                    } else if (!id.equals(s.focused)) {
                        phone.restore(phone.remove(sc -> id.equals(sc.appId())));
                    }
                }
                case ReleaseFocus -> {
                    if (!id.equals(s.focused)) {
                        return ResponseItem.of(url, ResponseStatus.APPLICATION_NOT_ACTIVE);
                    }
                    s.hidden.put(id, phone.remove(sc -> id.equals(sc.appId())));
                }
                case Minimize -> {
                    s.quietClose = id;
                    s.hidden.put(id, phone.remove(sc -> id.equals(sc.appId())));
                    fire(phone, s.handlers.get(id), AppEventType.MINIMIZED);
                }
                case Close -> {
                    AppEvents h = s.handlers.get(id);
                    s.quietClose = id;
                    s.hidden.remove(id);
                    phone.remove(sc -> id.equals(sc.appId()));
                    s.handlers.remove(id);
                    fire(phone, h, AppEventType.CLOSED);
                }
            }
            s.quietClose = null;
            return ResponseItem.of(url, ResponseStatus.SUCCESS);
        }
    }

    /** Focus follows the top screen; the application that loses it hears focusLost, or closed when it is gone. */
    @Override
    public void stackChanged(SimPhone phone, Screen top) {
        State s = of(phone);
        String now = top == null ? null : top.appId();
        if (now != null) {
            s.handlers.put(now, top.events());
        }
        String before = s.focused;
        if (java.util.Objects.equals(before, now)) {
            return;
        }
        s.focused = now;
        if (before != null && !before.equals(s.quietClose)) {
            boolean stillThere = s.hidden.containsKey(before)
                    || phone.screens().stream().anyMatch(sc -> before.equals(sc.appId()));
            AppEvents h = s.handlers.get(before);
            if (stillThere) {
                fire(phone, h, AppEventType.FOCUS_LOST);
            } else {
                s.handlers.remove(before);
                fire(phone, h, AppEventType.CLOSED);
            }
        }
        if (now != null) {
            fire(phone, s.handlers.get(now), AppEventType.FOCUS_GAINED);
        }
    }

    private void fire(SimPhone phone, AppEvents h, AppEventType type) {
        if (h == null || h.appId() == null) {
            return;
        }
        String handler = switch (type) {
            case CLOSED -> h.onAppClosed();
            case MINIMIZED -> h.onAppMinimized();
            case FOCUS_LOST -> h.onAppFocusLost();
            case FOCUS_GAINED -> h.onAppFocusGained();
        };
        List<String> uris = Urls.handlerUris(handler);
        if (uris.isEmpty()) {
            return;
        }
        phone.log("application " + h.appId() + " " + type.name().toLowerCase() + ": running " + uris.size() + " handler URI(s)");
        String payload = new String(XsiCodec.encode(new NotifyApplicationEvent(h.appId(), type)), StandardCharsets.UTF_8);
        Thread.ofVirtual().name("sim-app-" + phone.name()).start(() -> {
            for (String u : uris) {
                if (Urls.isHttp(u)) {
                    phone.history().recordNotification(u, -1, "refused: HTTP URLs cannot run in event handlers");
                } else if (u.regionMatches(true, 0, "Notify:", 0, 7)) {
                    try {
                        if (InternalUri.parse(u) instanceof NotifyUri n) {
                            notifier.send(phone, n, payload);
                        }
                    } catch (io.phonectl.xsi.XsiException e) {
                        phone.history().recordNotification(u, -1, "invalid Notify URI: " + e.getMessage());
                    }
                } else {
                    uriRunner.accept(phone, u);
                }
            }
        });
    }
}
