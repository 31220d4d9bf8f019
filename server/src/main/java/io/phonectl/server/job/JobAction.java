package io.phonectl.server.job;

import io.phonectl.server.device.DeviceKind;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xsi.object.XsiDocument;

import java.util.Map;
import java.util.function.Function;

/** What a job does to each device, built from a {@link JobSpec}. */
public sealed interface JobAction {

    /** The action id as the API shows it (a catalog id, {@code xml}, {@code xapi_command}, {@code xapi_config}). */
    String id();

    /** The device kind this action is for; items of another kind end UNSUPPORTED without being contacted. */
    DeviceKind kind();

    /**
     * An XSI push to {@code /CGI/Execute}: a display object, an Execute or a component message.
     *
     * @param perItem when the job asked for its callback URI: builds the document with the item's Notify URI in
     *                place of {@code $CALLBACK}; null otherwise (every device gets the same bytes)
     */
    record Push(String id, XsiDocument document, Function<String, XsiDocument> perItem) implements JobAction {
        @Override
        public DeviceKind kind() {
            return DeviceKind.XSI;
        }
    }

    /** An XSI GET whose answer is kept per item: a screenshot or a device-information page. */
    record Collect(String id, String path, boolean screenshot) implements JobAction {
        @Override
        public DeviceKind kind() {
            return DeviceKind.XSI;
        }
    }

    /** An xAPI command (RoomOS and PhoneOS devices). */
    record XapiCommand(XPath path, Map<String, Object> args, String body) implements JobAction {
        @Override
        public String id() {
            return JobActions.XAPI_COMMAND;
        }

        @Override
        public DeviceKind kind() {
            return DeviceKind.ROOMOS;
        }
    }

    /** An xAPI configuration change (RoomOS and PhoneOS devices). */
    record XapiConfig(XPath path, Object value) implements JobAction {
        @Override
        public String id() {
            return JobActions.XAPI_CONFIG;
        }

        @Override
        public DeviceKind kind() {
            return DeviceKind.ROOMOS;
        }
    }

    /** A job kind added from outside the engine ({@link JobKind}): it reaches every device kind itself. */
    record Kind(String id, JobKind.Action action) implements JobAction {
        @Override
        public DeviceKind kind() {
            return DeviceKind.XSI;
        }

        @Override
        public boolean accepts(DeviceKind device) {
            return true;
        }
    }

    /** Whether a device of this kind can be sent this action (xAPI actions go to RoomOS and PhoneOS alike). */
    default boolean accepts(DeviceKind device) {
        return kind() == DeviceKind.XSI ? device == DeviceKind.XSI : device != DeviceKind.XSI;
    }
}
