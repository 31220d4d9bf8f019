package io.phonectl.xsi.action;

import io.phonectl.xsi.object.XsiDocument;

import java.util.Objects;

/** What an action sends to a phone, as typed values; {@link ActionCatalog#build} makes one per action id. */
public sealed interface Outgoing {

    /**
     * An XML document POSTed to {@code /CGI/Execute} in the form field {@code XML}: a display object, a
     * CiscoIPPhoneExecute wrapping URIs, or a component-API message (startMedia, stopMedia, getDeviceCaps).
     */
    record DocumentPush(XsiDocument document) implements Outgoing {
        public DocumentPush {
            Objects.requireNonNull(document, "document");
        }
    }

    /** An HTTP GET of a device page ({@code /DeviceInformationX}, {@code /CGI/Screenshot}, ...). */
    record HttpGet(String path) implements Outgoing {
        public HttpGet {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /: " + path);
            }
        }

        /** The HTTP request line. */
        public String requestLine() {
            return "GET " + path + " HTTP/1.1";
        }
    }
}
