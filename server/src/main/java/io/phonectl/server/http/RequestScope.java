package io.phonectl.server.http;

/**
 * What the handling of each request is wrapped in: opened once its route is known, around its authentication and
 * its endpoint, closed before its answer is written (a streamed answer's own reads are outside it). The service
 * passes the database's read scope (the write version read once per request, docs/service.md).
 */
@FunctionalInterface
public interface RequestScope {

    /** Nothing around the requests. */
    RequestScope NONE = () -> () -> {
    };

    Open open();

    /** An open scope. */
    interface Open extends AutoCloseable {
        @Override
        void close();
    }
}
