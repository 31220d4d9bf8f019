package io.phonectl.client.xsi.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code XML=} form body of a push: the XML percent-encoded as application/x-www-form-urlencoded
 * (reference notes §2.1 style a, the one every phone accepts).
 * TODO(integration): replace with the objects branch's form encoder when it is merged.
 */
public final class FormBody {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private FormBody() {
    }

    public static byte[] encode(String xml) {
        return ("XML=" + URLEncoder.encode(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }
}
