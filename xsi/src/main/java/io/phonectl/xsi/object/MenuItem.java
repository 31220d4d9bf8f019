package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * One menu entry. {@code iconIndex} is used only by icon menus, {@code touchArea} only by GraphicFileMenu;
 * both are null elsewhere. In GraphicMenu the item URL is selected by its number, so {@code name} is the label.
 */
public record MenuItem(Integer iconIndex, String name, String url, TouchArea touchArea) {

    public static MenuItem of(String name, String url) {
        return new MenuItem(null, name, url, null);
    }

    public static MenuItem withIcon(int iconIndex, String name, String url) {
        return new MenuItem(iconIndex, name, url, null);
    }

    public static MenuItem withTouchArea(String name, String url, TouchArea area) {
        return new MenuItem(null, name, url, area);
    }

    void check(Checks c, String path) {
        c.maxLength(path + ".Name", name, Limits.MENU_ITEM_NAME, Sources.CONTROL_SPEC);
        c.range(path + ".IconIndex", iconIndex, 0, Limits.ICONS - 1, Sources.XSD);
        if (touchArea != null) {
            touchArea.check(c, path + ".TouchArea");
        }
    }
}
