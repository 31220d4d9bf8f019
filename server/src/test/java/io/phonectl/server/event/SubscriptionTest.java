package io.phonectl.server.event;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A subscription's queue: its capacity holds, one more overflows it, and an overflowed one takes nothing more. */
class SubscriptionTest {

    static Event e(long id) {
        return new Event(id, null, "job.progress", 1L, null, "", null);
    }

    @Test
    void capacityEventsFitOneMoreOverflows() throws Exception {
        Subscription s = new Subscription(EventFilter.ALL, 4, () -> { });
        for (int i = 1; i <= 4; i++) {
            s.offer(e(i));
        }
        assertThat(s.overflowed()).isFalse();
        assertThat(s.next(Duration.ZERO)).isEqualTo(new Subscription.Next.Got(e(1)));
        s.offer(e(5));
        assertThat(s.overflowed()).isFalse();
        s.offer(e(6));
        assertThat(s.overflowed()).isTrue();
        assertThat(s.next(Duration.ZERO)).isInstanceOf(Subscription.Next.Overflowed.class);
    }

    @Test
    void theFilterDecidesWhatIsQueuedAndEndWakesAWaitingReader() throws Exception {
        Subscription s = new Subscription(EventFilter.job(2), 4, () -> { });
        s.offer(e(1));
        assertThat(s.next(Duration.ofMillis(10))).isInstanceOf(Subscription.Next.Idle.class);
        s.end();
        assertThat(s.next(Duration.ofSeconds(5))).isInstanceOf(Subscription.Next.Closed.class);
    }
}
