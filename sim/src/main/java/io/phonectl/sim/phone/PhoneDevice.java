package io.phonectl.sim.phone;

import io.phonectl.sim.image.Picture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The phone's own gauges and settings: display timers, volume, lock, settings (TFTP server, background…), frame
 * counters. Guarded by the owning phone's monitor, so a caller holding the phone's lock sees a consistent phone.
 */
public final class PhoneDevice {

    public static final int DEFAULT_VOLUME = 50;

    private final Object lock;
    private final Clock clock;
    private final SimPhone phone;
    private int volume = DEFAULT_VOLUME;
    private boolean displayForcedOff;
    private Instant displayUntil;
    private boolean locked = true;
    private final Map<String, String> settings = new TreeMap<>();
    private Picture background;
    private long rxFrames;
    private long txFrames;

    PhoneDevice(SimPhone phone, Clock clock) {
        this.lock = phone;
        this.phone = phone;
        this.clock = clock;
    }

    void reset() {
        synchronized (lock) {
            volume = DEFAULT_VOLUME;
            displayForcedOff = false;
            displayUntil = null;
            locked = true;
            settings.clear();
            settings.put("TFTPServer1", "127.0.0.1");
            background = null;
        }
    }

    public int volume() {
        synchronized (lock) {
            return volume;
        }
    }

    /** Clamped to 0..100. */
    public void volume(int v) {
        synchronized (lock) {
            volume = Math.max(0, Math.min(100, v));
        }
    }

    /** Whether the display is lit now, honouring Display:On/Off timers. */
    public boolean displayOn() {
        synchronized (lock) {
            if (displayUntil != null && !clock.instant().isBefore(displayUntil)) {
                displayForcedOff = false;
                displayUntil = null;
            }
            return !displayForcedOff;
        }
    }

    /** {@code Display:On|Off:minutes}; 0 minutes = until told otherwise. */
    public void display(boolean on, int minutes) {
        synchronized (lock) {
            displayForcedOff = !on;
            displayUntil = minutes == 0 ? null : clock.instant().plus(Duration.ofMinutes(minutes));
        }
    }

    /** {@code Display:Default}: back to the phone's own schedule (always on in the simulator). */
    public void displayDefault() {
        synchronized (lock) {
            displayForcedOff = false;
            displayUntil = null;
        }
    }

    public Instant displayUntil() {
        synchronized (lock) {
            return displayUntil;
        }
    }

    public boolean locked() {
        synchronized (lock) {
            return locked;
        }
    }

    public void unlock() {
        synchronized (lock) {
            locked = false;
        }
    }

    public Map<String, String> settings() {
        synchronized (lock) {
            return new LinkedHashMap<>(settings);
        }
    }

    public void setting(String key, String value) {
        synchronized (lock) {
            settings.put(key, value);
        }
        phone.log("setting " + key + " = " + value);
    }

    /** The background shown behind the idle screen ({@code setBackground}), or null for the phone's own. */
    public Picture background() {
        synchronized (lock) {
            return background;
        }
    }

    /** A background fetched and checked: it shows from now on; the settings record where it came from. */
    public void background(Picture picture, String imageUrl, String iconUrl) {
        synchronized (lock) {
            background = picture;
            settings.put("Background", imageUrl);
            settings.put("BackgroundIcon", iconUrl);
        }
        phone.log("background set from " + imageUrl + " (" + picture.width() + "x" + picture.height() + ")");
    }

    /** A ring tone fetched and checked ({@code samples} long). */
    public void ringTone(String url, int samples) {
        synchronized (lock) {
            settings.put("RingTone", url);
        }
        phone.log("ring tone set from " + url + " (" + samples + " samples)");
    }

    /** Counts one request in and one response out, so EthernetInformation shows live values. */
    public void countExchange() {
        synchronized (lock) {
            rxFrames++;
            txFrames++;
        }
    }

    public long rxFrames() {
        synchronized (lock) {
            return rxFrames;
        }
    }

    public long txFrames() {
        synchronized (lock) {
            return txFrames;
        }
    }
}
