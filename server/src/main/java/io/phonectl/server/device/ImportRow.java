package io.phonectl.server.device;

/**
 * One row of an import file: the device it describes, or why it could not even be read.
 *
 * @param line  the line (CSV) or the 1-based index (JSON) in the file
 * @param input the device, or null when {@code error} says why the row is unreadable
 */
public record ImportRow(int line, DeviceInput input, String error) {

    public static ImportRow of(int line, DeviceInput input) {
        return new ImportRow(line, input, null);
    }

    public static ImportRow unreadable(int line, String error) {
        return new ImportRow(line, null, error);
    }
}
