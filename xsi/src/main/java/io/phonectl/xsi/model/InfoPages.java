package io.phonectl.xsi.model;

/**
 * The XML information pages a model serves besides the device-information pages: {@code CallInfo}, {@code LineInfo}
 * and {@code ModeInfo} (each behind the phone's password). The 8800 and 7832 administration guides ("Request
 * Information from the Phone in XML") give them under {@code /CGI/Java/…}; the usecallmanager.nz {@code xmlinfo} tool
 * reads the same pages under {@code /CGI/…} from 79xx, 7800 and 8800 phones, and notes that 79xx answers ModeInfo as
 * text/html. {@code SettingsInfo}, which that tool also asks for, has no public sample and is not served.
 */
public enum InfoPages {
    /** None of these pages (models no public source shows them on). */
    NONE,
    /** {@code /CGI/CallInfo}, {@code /CGI/LineInfo}, {@code /CGI/ModeInfo} (79xx). */
    CGI,
    /** Both {@code /CGI/…} and {@code /CGI/Java/…} (7800, 7832, 8800, 8832). */
    CGI_AND_JAVA;

    /** models.txt spelling: {@code none}, {@code cgi}, {@code cgi+java}. */
    static InfoPages parse(String text) {
        return switch (text) {
            case "none" -> NONE;
            case "cgi" -> CGI;
            case "cgi+java" -> CGI_AND_JAVA;
            default -> throw new IllegalArgumentException("infoPages must be none, cgi or cgi+java: " + text);
        };
    }
}
