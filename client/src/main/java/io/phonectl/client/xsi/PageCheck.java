package io.phonectl.client.xsi;

import io.phonectl.xsi.XsiParseException;
import io.phonectl.xsi.device.DevicePageCodec;

/**
 * Whether an answer is the device page that was asked for, judged from the body (79xx send XML pages labelled
 * {@code text/html}): an HTML page from some other web server, a document with another root, or no XML at all is
 * not, and is refused before any field is taken from it (issue 16: {@code xsi info} printed an HTML page's nothing
 * and exited 0).
 */
final class PageCheck {

    private PageCheck() {
    }

    /** Null when the body is the page's document, else why not (one line, for the outcome). */
    static String problem(DevicePage<?> page, byte[] body) {
        String expected = "the " + page.root() + " document of " + page.path();
        if (AnswerClassifier.htmlBody(body)) {
            return "an HTML page, not " + expected;
        }
        String root;
        try {
            root = DevicePageCodec.root(body);
        } catch (XsiParseException e) {
            return "not XML, so not " + expected + " (" + e.getMessage() + ")";
        }
        return page.rootTest().test(root) ? null : "a <" + root + "> document, not " + expected;
    }
}
