package io.phonectl.server.event;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.http.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stream's guarantees without HTTP: backlog then live without gaps or repeats; a slow reader is let go. */
class EventStreamTest {

    static final int QUEUE = 16;

    Database db;
    EventService events;
    EventStream stream;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = Database.open(DatabaseConfig.h2(dir), new SimpleMeterRegistry());
        events = new EventService(db, Clock.systemUTC(), EventHub.local(), new SimpleMeterRegistry());
        stream = new EventStream(events, EventsConfig.defaults().withSubscriberQueue(QUEUE)
                .withHeartbeat(Duration.ofMillis(100)));
    }

    @AfterEach
    void close() {
        events.close();
        db.close();
    }

    NewEvent event(String type, long job) {
        return new NewEvent(type, job, null, "test", Json.mapper().createObjectNode().put("n", job));
    }

    /** Records frames; can hold the writer (a reader whose TCP window is full) until released. */
    static final class Recorder implements EventStream.Sink {
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        final CountDownLatch release;

        Recorder(boolean held) {
            release = new CountDownLatch(held ? 1 : 0);
        }

        @Override
        public void event(Event e) throws IOException {
            try {
                release.await();
            } catch (InterruptedException ex) {
                throw new IOException(ex);
            }
            ids.add(e.id());
        }

        @Override
        public void comment(String text) {
            comments.add(text);
        }
    }

    @Test
    void backlogThenLiveEachEventOnceInOrder() throws Exception {
        for (int i = 1; i <= 1200; i++) {
            events.appendLater(event("job.progress", i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> events.lastId() == 1200);
        Recorder r = new Recorder(false);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<EventStream.End> end = pool.submit(() -> stream.run(EventFilter.ALL, 0, r));
            await().atMost(Duration.ofSeconds(20)).until(() -> r.ids.size() == 1200);
            for (int i = 1201; i <= 1210; i++) {
                events.append(event("job.progress", i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> r.ids.size() == 1210);
            assertThat(r.ids).isSorted().doesNotHaveDuplicates();
            events.hub().close();
            assertThat(end.get(10, TimeUnit.SECONDS)).isEqualTo(EventStream.End.SERVER_STOPPING);
        }
    }

    @Test
    void aReaderThatFallsBehindByMoreThanItsQueueIsDisconnectedNotBuffered() throws Exception {
        events.append(event("job.created", 1));
        Recorder slow = new Recorder(true);
        Recorder fast = new Recorder(false);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<EventStream.End> slowEnd = pool.submit(() -> stream.run(EventFilter.ALL, 0, slow));
            Future<EventStream.End> fastEnd = pool.submit(() -> stream.run(EventFilter.ALL, 0, fast));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.hub().subscribers() == 2 && fast.ids.size() == 1);
            for (int i = 0; i < QUEUE; i++) {
                events.append(event("job.progress", 1));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.ids.size() == QUEUE + 1);
            events.append(event("job.done", 1));
            slow.release.countDown();
            assertThat(slowEnd.get(10, TimeUnit.SECONDS)).isEqualTo(EventStream.End.OVERFLOW);
            assertThat(slow.comments.getLast()).contains("behind by more than " + QUEUE, "Last-Event-ID");
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.ids.size() == QUEUE + 2);
            assertThat(fastEnd.isDone()).isFalse();
            events.hub().close();
            assertThat(fastEnd.get(10, TimeUnit.SECONDS)).isEqualTo(EventStream.End.SERVER_STOPPING);
        }
    }

    @Test
    void aFilterSelectsTheSameInSqlAndInMemory() {
        events.appendAll(List.of(event("job.done", 1), event("job.done", 2), event("device.media", 2),
                event("audit", 3), event("job_x.thing", 4)));
        for (EventFilter f : List.of(EventFilter.parse("2", null, null), EventFilter.parse(null, null, "job.*"),
                EventFilter.parse("1,2", null, "job.done,device.*"), EventFilter.parse(null, null, "*"),
                EventFilter.parse(null, null, "job_*"))) {
            List<Event> all = events.after(EventFilter.ALL, 0, 100);
            List<Long> inMemory = all.stream().filter(f::matches).map(Event::id).toList();
            List<Long> inSql = events.after(f, 0, 100).stream().map(Event::id).toList();
            assertThat(inSql).as(f.toString()).isEqualTo(inMemory);
        }
    }
}
