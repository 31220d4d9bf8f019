package io.phonectl.xsi.object;

/**
 * A CiscoIPPhone* object (or an 8800-family settings object) as pushed to {@code /CGI/Execute} or served to a
 * phone. Every instance is valid: the canonical constructors check every model-independent limit and throw one
 * {@link io.phonectl.xsi.XsiValidationException} listing all violations.
 */
public sealed interface XsiObject extends XsiDocument
        permits Menu, Text, Input, Directory, Image, ImageFile, GraphicMenu, GraphicFileMenu, IconMenu,
        IconFileMenu, Status, StatusFile, Execute, Response, PhoneError, SetBackground, SetRingTone {
}
