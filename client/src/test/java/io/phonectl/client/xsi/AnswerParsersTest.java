package io.phonectl.client.xsi;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A parser serves the next answer only after one it read whole; after anything else it is dropped. */
class AnswerParsersTest {

    /** Records what the parser reports, as WireConnection reads it. */
    static final class Seen implements HttpParser.ResponseHandler {
        int status;
        final List<String> headers = new ArrayList<>();
        final StringBuilder body = new StringBuilder();
        boolean complete;
        String bad;

        @Override
        public void startResponse(HttpVersion version, int status, String reason) {
            this.status = status;
        }

        @Override
        public void parsedHeader(HttpField field) {
            headers.add(field.getName() + ": " + field.getValue());
        }

        @Override
        public boolean headerComplete() {
            return false;
        }

        @Override
        public boolean content(ByteBuffer chunk) {
            body.append(StandardCharsets.ISO_8859_1.decode(chunk));
            return false;
        }

        @Override
        public boolean contentComplete() {
            return false;
        }

        @Override
        public boolean messageComplete() {
            complete = true;
            return true;
        }

        @Override
        public void earlyEOF() {
            bad = "early EOF";
        }

        @Override
        public void badMessage(HttpException failure) {
            bad = failure.getReason();
        }
    }

    static void parse(AnswerParsers.Slot slot, String answer) {
        ByteBuffer b = ByteBuffer.wrap(answer.getBytes(StandardCharsets.ISO_8859_1));
        while (b.hasRemaining() && !slot.parser.parseNext(b)) {
            // parseNext returns true at the end of the message or on a bad one
            if (slot.parser.isState(HttpParser.State.CLOSE) || slot.parser.isState(HttpParser.State.CLOSED)) {
                return;
            }
        }
    }

    static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n\r\nhello";

    @Test
    void aParserThatReadAnAnswerWholeServesTheNextFromItsStart() {
        AnswerParsers parsers = new AnswerParsers(1024);
        Seen first = new Seen();
        AnswerParsers.Slot slot = parsers.take(first);
        parse(slot, OK);
        assertThat(first.complete).isTrue();
        parsers.give(slot);
        assertThat(parsers.kept()).isEqualTo(1);

        Seen second = new Seen();
        AnswerParsers.Slot again = parsers.take(second);
        assertThat(again).isSameAs(slot);
        parse(again, "HTTP/1.0 404 Not Found\r\nContent-Length: 2\r\n\r\nno");
        assertThat(second.status).isEqualTo(404);
        assertThat(second.headers).containsExactly("Content-Length: 2");
        assertThat(second.body).hasToString("no");
        assertThat(first.headers).hasSize(2); // nothing of the second answer went to the first's handler
    }

    @Test
    void aParserThatSawAMalformedAnswerIsDroppedAndTheNextStartsFresh() {
        AnswerParsers parsers = new AnswerParsers(1024);
        Seen garbage = new Seen();
        AnswerParsers.Slot slot = parsers.take(garbage);
        parse(slot, "SIP/2.0 200 OK\r\n\r\n");
        assertThat(garbage.bad).isNotNull();
        parsers.give(slot);
        assertThat(parsers.kept()).isZero();

        Seen next = new Seen();
        AnswerParsers.Slot fresh = parsers.take(next);
        assertThat(fresh).isNotSameAs(slot);
        parse(fresh, OK);
        assertThat(next.bad).isNull();
        assertThat(next.status).isEqualTo(200);
        assertThat(next.body).hasToString("hello");
    }

    @Test
    void aParserWhoseAnswerEndedAtTheCloseIsNotKept() {
        AnswerParsers parsers = new AnswerParsers(1024);
        AnswerParsers.Slot eof = parsers.take(new Seen());
        parse(eof, "HTTP/1.0 200 OK\r\n\r\nuntil the close");
        eof.parser.atEOF();
        eof.parser.parseNext(ByteBuffer.allocate(0));
        parsers.give(eof);
        assertThat(parsers.kept()).isZero();
    }
}
