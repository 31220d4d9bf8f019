package io.phonectl.client.xsi;

import io.phonectl.client.http.HttpLimits;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One request and its answer on a connection opened for them: writes the prepared request bytes in one gathering
 * write, reads the answer with Jetty's {@link HttpParser} (tolerant of the old embedded servers phones run: HTTP/1.0,
 * no Content-Length, an answer that ends when the phone closes), caps its body, and closes the connection as soon
 * as the answer is complete, so the phone is left no socket in TIME_WAIT. Non-blocking: runs on the selector thread.
 */
final class WireConnection extends AbstractConnection implements Callback, HttpParser.ResponseHandler {

    /** Phones' answers to a push are a few hundred bytes; a page or a screenshot takes more reads, not more memory. */
    private static final int READ_BUFFER = 2048;
    /**
     * The read buffer, one per thread that reads answers (the transport's few selector threads), not one per
     * connection: it was the largest allocation of a push (JFR, 10,000 phones: 2 KiB of a connection's bytes). A read
     * never leaves bytes in it for later: {@link #onFillable} parses all it read before it returns (the parser keeps
     * a partial token itself) and content is copied out as it is parsed, so the next connection read on the thread
     * starts from an empty buffer.
     */
    private static final ThreadLocal<ByteBuffer> READ = ThreadLocal.withInitial(() -> BufferUtil.allocate(READ_BUFFER));

    private final WireExchange exchange;
    /** The parser, taken from the transport's when the first bytes arrive; null before and once given back. */
    private AnswerParsers.Slot slot;
    private HttpParser parser;
    /** The answer was read whole and well-formed: its parser may serve another connection. */
    private boolean whole;
    private int status;
    private String contentType;
    private byte[] body = new byte[0];
    private int length;
    private boolean complete;
    /** A 401's WWW-Authenticate values; null until one is read (most answers have none). */
    private List<String> challenges;

    WireConnection(EndPoint endPoint, WireExchange exchange) {
        super(endPoint, Runnable::run);
        this.exchange = exchange;
    }

    /** Initialises the parser's tables (MIME types, header cache) and the XML reader once; never throws. */
    static void warm() {
        try {
            if (HttpParser.CACHE.size() > 0) { // reading the field runs the class's static initialisation
                AnswerClassifier.warm();
            }
        } catch (RuntimeException | LinkageError ignored) {
            // warming is an optimisation: the first real answer initialises the same classes
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        exchange.phase(Phase.REQUEST);
        getEndPoint().write(this, exchange.request());
    }

    /** The request is written: wait for the answer. */
    @Override
    public void succeeded() {
        exchange.phase(Phase.RESPONSE);
        fillInterested();
    }

    /** The request could not be written. */
    @Override
    public void failed(Throwable x) {
        exchange.fail(x);
    }

    @Override
    public void onFillable() {
        ByteBuffer buffer = READ.get();
        BufferUtil.clear(buffer); // what a failed read on this thread left is not this connection's
        if (slot == null) {
            if (complete) {
                return;
            }
            slot = exchange.parsers().take(this);
            parser = slot.parser;
        }
        try {
            while (!complete) {
                if (!buffer.hasRemaining()) {
                    int n = getEndPoint().fill(buffer);
                    if (n == 0) {
                        fillInterested();
                        return;
                    }
                    if (n < 0) {
                        parser.atEOF();
                        parser.parseNext(BufferUtil.EMPTY_BUFFER);
                        if (!complete) {
                            exchange.fail(new EOFException("closed before the answer was complete"));
                        }
                        return;
                    }
                }
                int before = buffer.remaining();
                if (!parser.parseNext(buffer) && !complete && buffer.remaining() == before) {
                    exchange.fail(new EOFException("the answer could not be read past byte " + length));
                    return;
                }
            }
            if (whole) {
                AnswerParsers.Slot s = slot;
                slot = null;
                exchange.parsers().give(s);
            }
        } catch (Throwable x) {
            exchange.fail(x);
        }
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        exchange.fail(cause);
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        if (!complete) {
            exchange.fail(cause != null ? cause : new EOFException("connection closed"));
        }
    }

    // ---- the answer, as the parser reads it ----

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
    }

    @Override
    public void parsedHeader(HttpField field) {
        if (field.getHeader() == HttpHeader.CONTENT_TYPE) {
            contentType = field.getValue();
        } else if (status == 401 && field.getHeader() == HttpHeader.WWW_AUTHENTICATE) {
            if (challenges == null) {
                challenges = new ArrayList<>(2);
            }
            challenges.add(field.getValue());
        }
    }

    @Override
    public boolean headerComplete() {
        long declared = parser.getContentLength();
        if (declared > exchange.maxAnswerBytes()) {
            tooLarge();
            return true;
        }
        if (declared > 0) {
            body = new byte[(int) declared];
        }
        return false;
    }

    @Override
    public boolean content(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (length + n > exchange.maxAnswerBytes()) {
            tooLarge();
            return true;
        }
        if (length + n > body.length) {
            body = Arrays.copyOf(body, Math.min(exchange.maxAnswerBytes(), Math.max(length + n, body.length * 2 + 256)));
        }
        chunk.get(body, length, n);
        length += n;
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        if (status >= 100 && status < 200) {
            parser.reset(); // an interim answer (100 Continue): the final one follows on this connection
            return false;
        }
        complete = true;
        whole = true;
        exchange.answered(new Answer(status, contentType, length == body.length ? body : Arrays.copyOf(body, length),
                challenges));
        getEndPoint().close();
        return true;
    }

    @Override
    public void earlyEOF() {
        complete = true;
        exchange.fail(new EOFException("closed before the answer was complete"));
    }

    @Override
    public void badMessage(HttpException failure) {
        complete = true;
        exchange.fail(new PushOutcome.Malformed(0, null, headersTooLarge(failure)
                ? "answer headers larger than the " + exchange.maxHeaderBytes() + "-byte cap"
                : "bad HTTP answer: " + failure.getReason()));
    }

    /** Jetty's parser refusing a head over the cap: 431, or (for an answer) its reason says so. */
    private static boolean headersTooLarge(HttpException failure) {
        return failure.getCode() == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431
                || (failure instanceof Throwable t && HttpLimits.headersTooLarge(t))
                || String.valueOf(failure.getReason()).toLowerCase(java.util.Locale.ROOT)
                        .contains("header bytes too large");
    }

    private void tooLarge() {
        complete = true;
        exchange.fail(new PushOutcome.Malformed(status, contentType,
                "answer larger than " + exchange.maxAnswerBytes() + " bytes"));
    }
}
