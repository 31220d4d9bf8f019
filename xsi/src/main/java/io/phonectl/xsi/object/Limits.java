package io.phonectl.xsi.object;

/** The model-independent limits of the control spec and the XSD (reference notes §2.4), in one table. */
public final class Limits {
    private Limits() {
    }

    public static final int TITLE = 32;
    public static final int PROMPT = 32;
    public static final int MENU_ITEMS = 100;
    public static final int MENU_ITEM_NAME = 64;
    public static final int TEXT = 4000;
    public static final int INPUT_ITEMS = 5;
    public static final int DIRECTORY_ENTRIES = 32;
    public static final int ICON_MENU_ITEMS = 32;
    public static final int ICONS = 10;
    public static final int ICON_WIDTH = 16;
    public static final int ICON_HEIGHT = 10;
    public static final int ICON_FILE_WIDTH = 18;
    public static final int ICON_FILE_HEIGHT = 18;
    public static final int GRAPHIC_MENU_ITEMS = 12;
    public static final int GRAPHIC_WIDTH = 133;
    public static final int GRAPHIC_HEIGHT = 65;
    public static final int GRAPHIC_DATA_BYTES = 2162;
    public static final int MAX_DEPTH = 2;
    public static final int STATUS_TEXT = 32;
    public static final int STATUS_WIDTH = 106;
    public static final int STATUS_HEIGHT = 21;
    public static final int SOFTKEY_POSITION_MAX = 16;
    /** Position -1 addresses the Applications/Settings key (Doc); 0 and below -1 are not positions. */
    public static final int SOFTKEY_POSITION_APPS = -1;
    /** "KeyItem ≤32" of notes §2.4, read as the softkey label length (Name) of the XSD. */
    public static final int SOFTKEY_NAME = 32;
    public static final int SOFTKEYS = 16;
    public static final int EXECUTE_ITEMS = 3;
    public static final int EXECUTE_HTTP_ITEMS = 1;
    public static final int EXECUTE_URL = 256;
    public static final int PRIORITY_MAX = 2;
    public static final int APP_ID = 64;
}
