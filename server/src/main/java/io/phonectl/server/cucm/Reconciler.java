package io.phonectl.server.cucm;

import io.phonectl.client.cucm.DiscoveredPhone;
import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceInput;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.http.ApiException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings the devices table in line with what one run found for one source: a device per configured phone that has an
 * address (added with the source's site, tags and device credentials; its address and model kept current), gone
 * phones marked (the device is kept: it may still answer, and its history and group memberships stay), and each
 * phone's CUCM state in {@code cucm_phones}. A device this source did not make is never touched: a phone with its
 * name is a conflict.
 */
final class Reconciler {

    /** The counts of one run and every change, in the order found. */
    record Outcome(int found, int added, int changed, int gone, int registered, int unregistered, int conflicts,
                   List<Change> changes) {
    }

    record Change(String name, Long device, String kind, String detail) {
    }

    private final DeviceService devices;
    private final PhoneStore phones;

    Reconciler(DeviceService devices, PhoneStore phones) {
        this.devices = devices;
        this.phones = phones;
    }

    Outcome apply(CucmSource source, List<DiscoveredPhone> found, Instant now) {
        Map<String, CucmPhone> before = new LinkedHashMap<>();
        phones.all(source.id()).forEach(p -> before.put(p.name(), p));
        List<Change> changes = new ArrayList<>();
        int registered = 0;
        for (DiscoveredPhone p : found) {
            if (p.registered()) {
                registered++;
            }
            CucmPhone old = before.remove(p.name());
            Long device = old == null ? null : old.device();
            Change c = device == null ? place(source, p, old) : refresh(device, p, old);
            if (c != null) {
                changes.add(c);
                device = c.device();
            }
            phones.save(source.id(), p, device, now);
        }
        for (CucmPhone old : before.values()) {
            if (old.goneAt() == null) {
                phones.markGone(source.id(), old.name(), now);
                changes.add(new Change(old.name(), old.device(), "gone", "no longer configured in CUCM (was "
                        + old.status() + (old.ip().isEmpty() ? "" : " at " + old.ip()) + ")"
                        + (old.device() == null ? "; it had no device of this source" : "; the device is kept")));
            }
        }
        return new Outcome(found.size(), count(changes, "added"), count(changes, "changed") + count(changes, "returned"),
                count(changes, "gone"), registered, found.size() - registered, count(changes, "conflict"), changes);
    }

    /** A phone with no device of its own yet: a new device when it has an address and its name is free. */
    private Change place(CucmSource source, DiscoveredPhone p, CucmPhone old) {
        if (p.ip().isEmpty()) {
            return old == null ? new Change(p.name(), null, "unplaced", p.status() + ": no address yet ("
                    + p.reason() + "); a device is added once a CM node reports one") : null;
        }
        Optional<Device> taken = devices.byName(p.name());
        if (taken.isPresent()) {
            return new Change(p.name(), null, "conflict", "a device named " + p.name() + " (id " + taken.get().id()
                    + ") exists and is not this source's: left alone");
        }
        try {
            Device d = devices.create(new DeviceInput(p.name(), p.ip(), p.catalogModel(), "xsi", source.site(),
                    source.tags(), null, source.deviceCredentials()));
            return new Change(p.name(), d.id(), "added", p.status() + " at " + p.ip()
                    + (p.catalogModel().isEmpty() ? " (model " + p.model() + " not in the catalog)" : ", " + p.catalogModel()));
        } catch (ApiException.Conflict e) {
            return new Change(p.name(), null, "conflict", "the name was taken meanwhile: " + e.getMessage());
        } catch (ApiException e) {
            return new Change(p.name(), null, "unplaced", "the device was refused: " + e.getMessage());
        }
    }

    /** A phone with its device: what changed, the device's address and model brought up to date. */
    private Change refresh(long device, DiscoveredPhone p, CucmPhone old) {
        List<String> what = new ArrayList<>();
        diff(what, "status", old.status(), p.status());
        diff(what, "address", old.ip(), p.ip());
        diff(what, "model", old.model(), p.model());
        diff(what, "dn", old.dn(), p.dn());
        boolean moved = !p.ip().isEmpty() && !p.ip().equals(old.ip());
        boolean remodelled = !Objects.equals(old.model(), p.model());
        if (moved || remodelled) {
            try {
                devices.update(device, new DeviceInput(null, moved ? p.ip() : null,
                        remodelled ? p.catalogModel() : null, null, null, null, null, null));
            } catch (ApiException.NotFound e) {
                return null; // deleted by hand meanwhile: the next run places the phone again
            } catch (ApiException e) {
                what.add("device not updated: " + e.getMessage());
            }
        }
        if (old.goneAt() != null) {
            return new Change(p.name(), device, "returned", "configured in CUCM again"
                    + (what.isEmpty() ? "" : "; " + String.join("; ", what)));
        }
        return what.isEmpty() ? null : new Change(p.name(), device, "changed", String.join("; ", what));
    }

    private static void diff(List<String> what, String field, String before, String now) {
        if (!Objects.equals(before, now)) {
            what.add(field + ": " + (before.isEmpty() ? "(none)" : before) + " -> " + (now.isEmpty() ? "(none)" : now));
        }
    }

    private static int count(List<Change> changes, String kind) {
        return (int) changes.stream().filter(c -> c.kind().equals(kind)).count();
    }
}
