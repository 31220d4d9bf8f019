package io.phonectl.xsi.component;

/** {@code <display width="298" height="168" bitDepth="12" isColor="true"/>} of a getDeviceCaps response. */
public record DisplayCaps(int width, int height, int bitDepth, boolean isColor) {
}
