package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/** One directory entry: a name and the number the Dial softkey calls. */
public record DirectoryEntry(String name, String telephone) {

    void check(Checks c, String path) {
        c.maxLength(path + ".Name", name, Limits.MENU_ITEM_NAME, Sources.XSD);
        c.maxLength(path + ".Telephone", telephone, Limits.TITLE, Sources.XSD);
    }
}
