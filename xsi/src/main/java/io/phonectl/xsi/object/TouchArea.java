package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/** The touch rectangle of a GraphicFileMenu item, in services-area pixels (attributes X1, Y1, X2, Y2). */
public record TouchArea(int x1, int y1, int x2, int y2) {

    void check(Checks c, String path) {
        if (x1 < 0 || y1 < 0 || x2 < x1 || y2 < y1) {
            c.add(path, this, "needs 0 <= X1 <= X2 and 0 <= Y1 <= Y2", Sources.XSD);
        }
    }

    @Override
    public String toString() {
        return "(" + x1 + "," + y1 + ")-(" + x2 + "," + y2 + ")";
    }
}
