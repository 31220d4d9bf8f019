package io.phonectl.xsi;

/** Input that is not well-formed, not what was expected, or too large/deep; with its position when known. */
public final class XsiParseException extends XsiException {

    private final int line;
    private final int column;

    public XsiParseException(String message, int line, int column, Throwable cause) {
        super(position(line, column) + message, cause);
        this.line = line;
        this.column = column;
    }

    public XsiParseException(String message, int line, int column) {
        this(message, line, column, null);
    }

    public XsiParseException(String message) {
        this(message, -1, -1, null);
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public int column() {
        return column;
    }

    private static String position(int line, int column) {
        return line > 0 ? "line " + line + ", column " + column + ": " : "";
    }
}
