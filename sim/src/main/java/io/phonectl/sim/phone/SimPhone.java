package io.phonectl.sim.phone;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One simulated phone's state. Thread-safe by monitor: HTTP requests, the inspection API and timers all
 * go through the synchronized methods. Kept small because a host runs thousands of them.
 */
public final class SimPhone {

    public static final int DEFAULT_VOLUME = PhoneDevice.DEFAULT_VOLUME;
    /**
     * Screens kept above the idle screen. Phones keep a bounded URL stack for Exit/Back; no public source gives its
     * depth, so this is an assumption (docs/simulator.md): past it the oldest screen is forgotten, as a browser
     * history forgets its oldest page, and Back from the oldest kept screen returns to idle.
     */
    public static final int MAX_SCREENS = 16;

    private final int index;
    private final String name;
    private final String mac;
    private final SimModel model;
    private final InetSocketAddress address;
    private final Clock clock;

    private final Deque<Screen> stack = new ArrayDeque<>(4);
    private String statusOverlay;
    private String openApplication;
    private CallState call = CallState.IDLE;
    private String audioPath = "";
    private String dialled = "";
    private boolean inbound;
    private java.time.Instant callSince;
    private int callReference;
    private final StringBuilder sentDigits = new StringBuilder();
    private final PhoneHistory history;
    private final PhoneDevice device;
    private Map<Class<?>, Object> extensions;
    private List<Runnable> whenIdle;
    private volatile PhoneListener listener = PhoneListener.NONE;

    public SimPhone(int index, SimModel model, InetSocketAddress address, Clock clock) {
        this.index = index;
        this.model = model;
        this.address = address;
        this.clock = clock;
        this.history = new PhoneHistory(clock);
        this.device = new PhoneDevice(this, clock);
        this.mac = String.format("00AA%08X", index + 1);
        this.name = "SEP" + mac;
        reset();
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public String mac() {
        return mac;
    }

    public SimModel model() {
        return model;
    }

    public InetSocketAddress address() {
        return address;
    }

    public Clock clock() {
        return clock;
    }

    /** The directory number shown on the idle screen and in DeviceInformation. */
    public String line() {
        return Integer.toString(1000 + index);
    }

    /** Back to the state just after boot. */
    public synchronized void reset() {
        if (listener != null) {
            listener.resetting(this);
        }
        stack.clear();
        stack.push(Screen.idle(line()));
        statusOverlay = null;
        openApplication = null;
        call = CallState.IDLE;
        audioPath = "";
        dialled = "";
        inbound = false;
        callSince = null;
        sentDigits.setLength(0);
        history.clear();
        device.reset();
        extensions = null;
        whenIdle = null;
        log("phone " + name + " booted, registered line " + line());
    }

    // ---- screen stack ----

    /** The top screen as shown: the call placeholder is drawn from the call state and the clock. */
    public synchronized Screen screen() {
        Screen top = stack.peek();
        return top.kind() == Screen.Kind.CALL
                ? CallScreens.draw(call, dialled, inbound, callSince, clock.instant(), line(), model.is79xx()) : top;
    }

    public synchronized List<Screen> screens() {
        return List.copyOf(stack);
    }

    public synchronized void push(Screen s) {
        stack.push(s);
        trim();
        changed();
    }

    /** Forgets the oldest screens above idle past {@link #MAX_SCREENS}. */
    private void trim() {
        while (stack.size() > MAX_SCREENS + 1) {
            Screen bottom = stack.removeLast();
            Screen oldest = stack.removeLast();
            stack.addLast(bottom);
            if (oldest.kind() == Screen.Kind.APPLICATION && oldest.title().equals(openApplication)) {
                openApplication = null;
            }
        }
    }

    /** Removes every screen matching {@code which} (an application minimised or closed); returns them, top first. */
    public synchronized List<Screen> remove(java.util.function.Predicate<Screen> which) {
        List<Screen> out = new ArrayList<>();
        var it = stack.iterator();
        while (it.hasNext()) {
            Screen s = it.next();
            if (s.kind() != Screen.Kind.IDLE && which.test(s)) {
                out.add(s);
                it.remove();
            }
        }
        if (!out.isEmpty()) {
            changed();
        }
        return out;
    }

    /** Puts screens back on top (an application regaining focus); {@code screens} top first. */
    public synchronized void restore(List<Screen> screens) {
        for (int i = screens.size() - 1; i >= 0; i--) {
            stack.push(screens.get(i));
        }
        trim();
        changed();
    }

    private void changed() {
        listener.stackChanged(this, stack.peek());
    }

    /** Replaces the top screen (selection moved, prompt changed). */
    public synchronized void replaceTop(Screen s) {
        if (stack.size() == 1 && stack.peek().kind() == Screen.Kind.IDLE && s.kind() != Screen.Kind.IDLE) {
            stack.push(s);
        } else {
            stack.pop();
            stack.push(s);
        }
        changed();
    }

    /** Pops one screen; the idle screen stays. Closing an application's last screen closes it. */
    public synchronized boolean pop() {
        if (stack.size() <= 1 || stack.peek().kind() == Screen.Kind.CALL) {
            return false; // a call screen goes when the call does, not with Back
        }
        Screen gone = stack.pop();
        if (gone.kind() == Screen.Kind.APPLICATION && gone.title().equals(openApplication)) {
            openApplication = null;
        }
        changed();
        return true;
    }

    /** Back to the idle screen (Init:Services and friends close what they opened). */
    public synchronized void popToIdle() {
        boolean any = stack.size() > 1;
        while (stack.size() > 1) {
            stack.pop();
        }
        openApplication = null;
        if (any) {
            changed();
        }
    }

    public synchronized String statusOverlay() {
        return statusOverlay;
    }

    public synchronized void statusOverlay(String text) {
        statusOverlay = text;
    }

    public synchronized String openApplication() {
        return openApplication;
    }

    public synchronized void openApplication(String app, Screen s) {
        popToIdle();
        openApplication = app;
        stack.push(s);
        changed();
    }

    // ---- call ----

    public synchronized CallState call() {
        return call;
    }

    public synchronized String audioPath() {
        return audioPath;
    }

    public synchronized String dialled() {
        return dialled;
    }

    public synchronized String sentDigits() {
        return sentDigits.toString();
    }

    public synchronized void offHook(String path) {
        if (call == CallState.RINGING) {
            audioPath = path;
            answer();
            return;
        }
        if (call == CallState.IDLE) {
            call = CallState.OFFHOOK;
            dialled = "";
            showCall();
        }
        audioPath = path;
    }

    /** Puts the call screen on top (once: the placeholder moves up if it is buried). */
    private void showCall() {
        stack.removeIf(s -> s.kind() == Screen.Kind.CALL);
        stack.push(Screen.call());
        trim();
        changed();
    }

    /** An incoming call from {@code from}: the phone rings; false when it is busy (not idle). */
    public synchronized boolean ring(String from) {
        if (call != CallState.IDLE) {
            return false;
        }
        call = CallState.RINGING;
        inbound = true;
        dialled = from;
        callReference++;
        log("incoming call from " + from);
        showCall();
        return true;
    }

    /** Answers a ringing call (off hook on the speaker unless a path was chosen). */
    public synchronized boolean answer() {
        if (call != CallState.RINGING) {
            return false;
        }
        if (audioPath.isEmpty()) {
            audioPath = "speaker";
        }
        call = CallState.CONNECTED;
        callSince = clock.instant();
        log("call from " + dialled + " answered");
        showCall();
        listener.callStarted(this);
        return true;
    }

    /** Hold (CONNECTED → HELD) or resume (HELD → CONNECTED); false in any other state. */
    public synchronized boolean toggleHold() {
        if (call == CallState.CONNECTED) {
            call = CallState.HELD;
            log("call held");
        } else if (call == CallState.HELD) {
            call = CallState.CONNECTED;
            log("call resumed");
            listener.callStarted(this); // a resumed call kills receive streams as a new one does (notes §2.7)
        } else {
            return false;
        }
        changed();
        return true;
    }

    public synchronized boolean inbound() {
        return inbound;
    }

    /** When the current call was connected (null before it is). */
    public synchronized java.time.Instant callSince() {
        return callSince;
    }

    /** A number per call, as CallInfo's CallReference. */
    public synchronized int callReference() {
        return callReference;
    }

    public synchronized void onHook() {
        if (call != CallState.IDLE) {
            log("call ended" + (dialled.isEmpty() ? "" : " with " + dialled));
        }
        call = CallState.IDLE;
        audioPath = "";
        dialled = "";
        inbound = false;
        callSince = null;
        sentDigits.setLength(0);
        if (stack.removeIf(s -> s.kind() == Screen.Kind.CALL)) {
            changed();
        }
        listener.hungUp(this);
        if (whenIdle != null) {
            // run outside this lock: the actions fetch pages and take the lock themselves
            List<Runnable> due = whenIdle;
            whenIdle = null;
            due.forEach(r -> Thread.ofVirtual().name("sim-idle-" + name).start(r));
        }
    }

    /** Who hears about calls starting and ending (the streams feature); kept across {@link #reset()}. */
    public void listener(PhoneListener l) {
        listener = l == null ? PhoneListener.NONE : l;
    }

    /** Runs {@code action} when the phone next goes idle (Priority 1 pushes wait for the call to end). */
    public synchronized void whenIdle(Runnable action) {
        if (call == CallState.IDLE) {
            Thread.ofVirtual().name("sim-idle-" + name).start(action);
            return;
        }
        if (whenIdle == null) {
            whenIdle = new ArrayList<>(2);
        }
        whenIdle.add(action);
    }

    /** A digit while off hook or dialling adds to the number; during a call it is sent as DTMF. */
    public synchronized void digit(char d) {
        switch (call) {
            case IDLE -> {
                call = CallState.DIALING;
                audioPath = "speaker";
                dialled = String.valueOf(d);
                showCall();
            }
            case OFFHOOK, DIALING -> {
                call = CallState.DIALING;
                dialled += d;
                changed();
            }
            case CONNECTED -> sentDigits.append(d);
            case RINGING, HELD -> {
                // keypad digits do nothing while ringing or on hold
            }
        }
    }

    /** Places a call to {@code digits}; the simulated far end answers at once. */
    public synchronized void dial(String digits) {
        if (call == CallState.IDLE) {
            audioPath = "speaker";
        }
        call = CallState.CONNECTED;
        dialled = digits;
        inbound = false;
        callSince = clock.instant();
        callReference++;
        sentDigits.setLength(0);
        log("call to " + digits + " connected");
        showCall();
        listener.callStarted(this);
    }

    /** Sends DTMF in the active call; false when there is none. */
    public synchronized boolean sendDigits(String digits) {
        if (!call.active()) {
            return false;
        }
        sentDigits.append(digits);
        return true;
    }

    /** Display, volume, lock, settings and counters. */
    public PhoneDevice device() {
        return device;
    }

    /** What the phone has executed, sent and logged. */
    public PhoneHistory history() {
        return history;
    }

    public void log(String line) {
        history.log(line);
    }

    /**
     * Per-phone state of a feature that the phone itself does not know about (PRT, streams, applications),
     * created on first use and dropped by {@link #reset()}. Callers synchronise on the phone when they mutate it.
     */
    public synchronized <T> T extension(Class<T> type, java.util.function.Supplier<T> create) {
        if (extensions == null) {
            extensions = new java.util.HashMap<>(4);
        }
        return type.cast(extensions.computeIfAbsent(type, k -> create.get()));
    }
}
