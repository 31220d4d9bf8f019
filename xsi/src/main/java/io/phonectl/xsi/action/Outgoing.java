package io.phonectl.xsi.action;

import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.uri.InternalUri;

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

    /** An internal URI pushed inside a CiscoIPPhoneExecute (one ExecuteItem, Priority 0). */
    record UriPush(InternalUri uri, Execute execute) implements Outgoing {
        public UriPush {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(execute, "execute");
        }

        public static UriPush of(InternalUri uri) {
            return new UriPush(uri, Execute.of(uri.format()));
        }
    }

    /**
     * An internal URI that is not pushed by itself but placed in another object: Notify (event handlers, softkeys),
     * SoftKey (SoftKeyItem URLs; inside Execute only on the 8821), Resource (IconFileMenu icon URLs),
     * QueryStringParam (appended to a URL).
     */
    record UriReference(InternalUri uri) implements Outgoing {
        public UriReference {
            Objects.requireNonNull(uri, "uri");
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
