package io.phonectl.sim.phone;

import io.phonectl.xsi.object.Urls;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What a phone has done, bounded: executed URIs and objects with their results, notifications sent, and the
 * device log, with credentials in URIs redacted. Thread-safe (own monitor). Lists are created on first use: most of 5,000 phones never need them.
 */
public final class PhoneHistory {

    static final int MAX_EVENTS = 200;
    static final int MAX_LOG_LINES = 100;

    private final Clock clock;
    private ArrayDeque<PhoneEvent> executed;
    private ArrayDeque<PhoneEvent> notifications;
    private ArrayDeque<LogLine> deviceLog;

    /** One device-log line: when the phone wrote it and what (credentials already redacted). */
    public record LogLine(java.time.Instant at, String text) {
    }

    PhoneHistory(Clock clock) {
        this.clock = clock;
    }

    synchronized void clear() {
        executed = null;
        notifications = null;
        deviceLog = null;
    }

    public synchronized void recordExecuted(String what, int status, String data) {
        if (executed == null) {
            executed = new ArrayDeque<>();
        }
        add(executed, new PhoneEvent(clock.instant(), Urls.redact(what), status, data));
    }

    public synchronized List<PhoneEvent> executed() {
        return executed == null ? List.of() : List.copyOf(executed);
    }

    public synchronized void recordNotification(String what, int status, String data) {
        if (notifications == null) {
            notifications = new ArrayDeque<>();
        }
        add(notifications, new PhoneEvent(clock.instant(), Urls.redact(what), status, data));
    }

    public synchronized List<PhoneEvent> notifications() {
        return notifications == null ? List.of() : List.copyOf(notifications);
    }

    public synchronized void log(String line) {
        if (deviceLog == null) {
            deviceLog = new ArrayDeque<>();
        }
        deviceLog.addLast(new LogLine(clock.instant(), Urls.redact(line)));
        while (deviceLog.size() > MAX_LOG_LINES) {
            deviceLog.removeFirst();
        }
    }

    /** The device log as text, "instant line" per entry (tests and the inspection API read it so). */
    public synchronized List<String> deviceLog() {
        return deviceLog == null ? List.of() : deviceLog.stream().map(l -> l.at() + " " + l.text()).toList();
    }

    /** The device log line by line, for the DeviceLog pages (each formats the time its own way). */
    public synchronized List<LogLine> deviceLogLines() {
        return deviceLog == null ? List.of() : new ArrayList<>(deviceLog);
    }

    private static void add(ArrayDeque<PhoneEvent> q, PhoneEvent e) {
        q.addLast(e);
        while (q.size() > MAX_EVENTS) {
            q.removeFirst();
        }
    }
}
