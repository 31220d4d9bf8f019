package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One client's listeners on a shared pool: in the order given, never two at once, a throwing one not the end. */
class SerialExecutorTest {

    @Test
    void tasksRunInOrderOneAtATimeOnAPoolOfManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<SerialExecutor> serials = new ArrayList<>();
            List<List<Integer>> seen = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                serials.add(new SerialExecutor(pool));
                seen.add(Collections.synchronizedList(new ArrayList<>()));
            }
            AtomicInteger[] running = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
                    new AtomicInteger()};
            AtomicInteger overlaps = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(4 * 500);
            for (int i = 0; i < 500; i++) {
                for (int s = 0; s < 4; s++) {
                    int n = i;
                    int which = s;
                    serials.get(s).execute(() -> {
                        if (running[which].incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.get(which).add(n);
                        running[which].decrementAndGet();
                        all.countDown();
                    });
                }
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).hasValue(0);
            for (List<Integer> s : seen) {
                assertThat(s).hasSize(500).isSorted();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskThatThrowsIsReportedAndTheNextOneRuns() throws Exception {
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setUncaughtExceptionHandler((th, e) -> reported.add(e));
            return t;
        });
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            CountDownLatch next = new CountDownLatch(1);
            serial.execute(() -> {
                throw new IllegalStateException("a listener failed");
            });
            serial.execute(next::countDown);

            assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("a listener failed");
        } finally {
            pool.shutdownNow();
        }
    }
}
