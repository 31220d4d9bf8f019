package io.phonectl.server.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RequestLaneTest {

    private static final Route PAGED = Route.get("/things").role(Role.VIEWER).paged().responsePage(String.class)
            .handler(ex -> Reply.ok("x"));
    private static final Route ONE = Route.get("/things/{id}").role(Role.VIEWER).handler(ex -> Reply.ok("x"));

    @Test
    void onlyPagedRoutesTakeAPlace() {
        RequestLane lane = new RequestLane(1, Duration.ofMillis(50));
        try (RequestLane.Place held = lane.enter(PAGED)) {
            // the only place is taken: a route that is not paged still goes through at once
            assertThat(lane.enter(ONE)).isSameAs(RequestLane.Place.NONE);
            assertThatThrownBy(() -> lane.enter(PAGED)).isInstanceOf(ApiException.Unavailable.class)
                    .hasMessageContaining("1 places for paged reads").hasMessageContaining("50 ms");
        }
        try (RequestLane.Place again = lane.enter(PAGED)) {
            assertThat(again).isNotSameAs(RequestLane.Place.NONE);
        }
    }

    @Test
    void waitingPagesGetTheirPlacesInArrivalOrder() throws Exception {
        RequestLane lane = new RequestLane(1, Duration.ofSeconds(30));
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        RequestLane.Place first = lane.enter(PAGED);
        Thread[] waiting = new Thread[3];
        for (int i = 0; i < waiting.length; i++) {
            int n = i;
            waiting[i] = Thread.ofPlatform().start(() -> {
                try (RequestLane.Place p = lane.enter(PAGED)) {
                    order.add(n);
                } finally {
                    done.countDown();
                }
            });
            // the next one arrives only once this one waits
            Thread t = waiting[i];
            await().atMost(Duration.ofSeconds(10)).until(() -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING);
        }
        assertThat(order).isEmpty();
        first.close();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(0, 1, 2);
    }

    @Test
    void aLaneHasAtLeastOnePlace() {
        assertThatThrownBy(() -> new RequestLane(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request lane size = 0");
    }
}
