package io.phonectl.server.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many paged reads run at once. A page is read from the database alone, all CPU on the embedded database: fifty
 * of them at once on two cores were fifty threads the kernel shared out in slices, and a page that lost its slice
 * waited for all the others (devices pages under wrk, issue 10). Here the excess waits in arrival order (a fair
 * semaphore) without using the CPU, and each page, once it runs, runs nearly alone. Only paged routes
 * ({@link Route.Doc#paged()}) take a place: nothing that waits on a device, a stream or another service can hold one.
 */
final class RequestLane {

    /** How long a page waits for a place before it is answered 503. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Semaphore places;
    private final int size;
    private final Duration wait;

    RequestLane(int size, Duration wait) {
        if (size < 1) {
            throw new IllegalArgumentException("request lane size = " + size + ": must be at least 1");
        }
        this.size = size;
        this.wait = wait;
        this.places = new Semaphore(size, true);
    }

    /** Two places a core: one running while the other's reply is written or its statement waits. */
    static RequestLane forCores() {
        return new RequestLane(Integer.getInteger("phonectl.http.lane", 2 * Runtime.getRuntime().availableProcessors()),
                WAIT);
    }

    /** Waits for a place when the route takes one; close the result when the reply is written. */
    Place enter(Route route) {
        if (!route.doc().paged()) {
            return Place.NONE;
        }
        boolean got;
        try {
            got = places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
            throw new ApiException.Unavailable("the server is stopping");
        }
        if (!got) {
            throw new ApiException.Unavailable("every one of the " + size + " places for paged reads stayed taken "
                    + "for " + wait.toMillis() + " ms; try again");
        }
        return places::release;
    }

    /** A place held; closing it twice is not allowed (the caller closes it in one finally). */
    @FunctionalInterface
    interface Place extends AutoCloseable {
        Place NONE = () -> { };

        @Override
        void close();
    }
}
