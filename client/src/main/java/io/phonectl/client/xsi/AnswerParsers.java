package io.phonectl.client.xsi;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Jetty's answer parsers, kept for the next connection instead of made for each: a parser's construction (its
 * 256-character string builder, its state) was a visible share of the client's work per push (JFR, 10,000 phones).
 * A connection takes one when its first bytes arrive and gives it back once its answer was read whole; a parser that
 * saw anything else (a malformed answer, a cap exceeded, an answer that ended at the close, a failed read) is not
 * given back but dropped, so the next exchange never starts from a parser in a state of another's making. Each
 * thread that reads answers (the transport's selector thread, for TLS a pool thread) keeps a few of its own: no lock,
 * and at most {@link #KEEP} per thread. One per transport: its parsers carry the transport's header cap.
 */
final class AnswerParsers {

    /** Parsers a thread keeps: answers in flight at once on one thread are read one after the other. */
    static final int KEEP = 32;

    private final int maxHeaderBytes;
    private final ThreadLocal<ArrayDeque<Slot>> free = ThreadLocal.withInitial(() -> new ArrayDeque<>(KEEP));

    AnswerParsers(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** A parser at its start whose events go to {@code handler} until it is given back. */
    Slot take(HttpParser.ResponseHandler handler) {
        Slot s = free.get().pollFirst();
        if (s == null) {
            s = new Slot(maxHeaderBytes);
        }
        s.handler = handler;
        return s;
    }

    /** Gives back the parser of an answer read whole; kept only if it resets to its start. */
    void give(Slot s) {
        s.handler = null;
        s.parser.reset();
        if (s.parser.isStart() && !s.parser.isAtEOF()) {
            ArrayDeque<Slot> q = free.get();
            if (q.size() < KEEP) {
                q.addFirst(s);
            }
        }
    }

    /** Parsers kept by the calling thread (tests). */
    int kept() {
        return free.get().size();
    }

    /** A parser and the handler it reports to now (the parser's own handler is fixed when it is made). */
    static final class Slot implements HttpParser.ResponseHandler {
        final HttpParser parser;
        private HttpParser.ResponseHandler handler;

        private Slot(int maxHeaderBytes) {
            // the status line and headers are capped (phones send a few hundred bytes; a hostile peer, forever)
            this.parser = new HttpParser(this, maxHeaderBytes, HttpCompliance.RFC2616_LEGACY);
        }

        @Override
        public void startResponse(HttpVersion version, int status, String reason) {
            handler.startResponse(version, status, reason);
        }

        @Override
        public void parsedHeader(HttpField field) {
            handler.parsedHeader(field);
        }

        @Override
        public boolean headerComplete() {
            return handler.headerComplete();
        }

        @Override
        public boolean content(ByteBuffer chunk) {
            return handler.content(chunk);
        }

        @Override
        public boolean contentComplete() {
            return handler.contentComplete();
        }

        @Override
        public boolean messageComplete() {
            return handler.messageComplete();
        }

        @Override
        public void earlyEOF() {
            handler.earlyEOF();
        }

        @Override
        public void badMessage(HttpException failure) {
            handler.badMessage(failure);
        }
    }
}
