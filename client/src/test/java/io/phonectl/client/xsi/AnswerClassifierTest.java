package io.phonectl.client.xsi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerClassifierTest {

    private static final String[] VALID = {
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" Data=\"Success\" Status=\"0\"/></CiscoIPPhoneResponse>",
            "<CiscoIPPhoneError Number=\"4\" />",
            "<mediaStream id=\"abc123\"/>",
            "<errorResponse><type>InvalidXML</type><data>line 1</data></errorResponse>",
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200|<CiscoIPPhoneError Number=\"4\" />|AUTH_FAILED",
            "200|<CiscoIPPhoneError Number=\"4\"/>|AUTH_FAILED",
            "401|<CiscoIPPhoneError Number=\"4\"/>|AUTH_FAILED",
            "200|<CiscoIPPhoneError Number=\"3\">file</CiscoIPPhoneError>|PHONE_ERROR",
            "200|<CiscoIPPhoneError Number=\"x\"/>|MALFORMED",
            "200|<CiscoIPPhoneError/>|MALFORMED",
            "200|  |ACCEPTED_NO_RESPONSE",
            "500|  |MALFORMED",
            "200|<Other/>|MALFORMED",
            "401|<Other/>|AUTH_FAILED",
            "200|<CiscoIPPhoneResponse/>|EXECUTED",
            "200|<CiscoIPPhoneResponse><ResponseItem URL=\"a\" Data=\"Invalid URI\" Status=\"1\"/></CiscoIPPhoneResponse>|ITEM_FAILED",
            "200|<mediaStream/>|MALFORMED",
            "200|<CiscoIPPhoneResponse></CiscoIPPhoneResponse><extra/>|MALFORMED",
    })
    void table(int status, String body, OutcomeKind expected) {
        PushOutcome o = AnswerClassifier.classify(status, "text/xml", (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        assertThat(o.kind()).as(o.detail()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void mutatedAnswersNeverThrow(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 200; n++) {
            byte[] b = VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && b.length > 0; e++) {
                switch (random.nextInt(4)) {
                    case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                    case 2 -> {
                        int at = random.nextInt(b.length);
                        byte[] ins = "<&\"".getBytes(StandardCharsets.UTF_8);
                        byte[] nb = new byte[b.length + 1];
                        System.arraycopy(b, 0, nb, 0, at);
                        nb[at] = ins[random.nextInt(ins.length)];
                        System.arraycopy(b, at, nb, at + 1, b.length - at);
                        b = nb;
                    }
                    default -> b = ("<a>".repeat(random.nextInt(50)) + new String(b, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            int status = new int[]{200, 401, 400, 500}[random.nextInt(4)];
            PushOutcome o = AnswerClassifier.classify(status, random.nextBoolean() ? "text/xml" : null, b);
            assertThat(o).isNotNull();
            assertThat(o.detail()).isNotNull();
        }
    }
}
