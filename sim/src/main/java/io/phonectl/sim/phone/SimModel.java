package io.phonectl.sim.phone;

import io.phonectl.xsi.SizeProfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the simulator needs to know about one phone model: header name, display, failure style,
 * screenshot format, POST size profile, whether it is a Multiplatform (MPP) profile.
 *
 * <p>Interim table: the model catalog (branch {@code uris}) is the project's only table of model
 * facts; once merged, {@link #of(String)} must be backed by it and this list deleted.
 */
public record SimModel(String name, String headerName, int width, int height, int depth, boolean colour,
                       AuthFailureStyle failureStyle, ScreenshotFormat screenshotFormat, SizeProfile sizeProfile,
                       boolean multiplatform, String sdkVersion) {

    /** How an authentication failure is answered (reference notes §2.3). */
    public enum AuthFailureStyle {
        /** 79xx-era: HTTP 200 with {@code <CiscoIPPhoneError Number="4" />}. */
        LEGACY_200,
        /** Newer firmware: HTTP 401 with the same body. */
        MODERN_401
    }

    public enum ScreenshotFormat {
        PNG("png", "image/png"), BMP("bmp", "image/bmp");

        private final String imageIoName;
        private final String contentType;

        ScreenshotFormat(String imageIoName, String contentType) {
            this.imageIoName = imageIoName;
            this.contentType = contentType;
        }

        public String imageIoName() {
            return imageIoName;
        }

        public String contentType() {
            return contentType;
        }
    }

    private static SimModel modern(String name, String header, int w, int h, int depth, boolean colour) {
        return new SimModel(name, header, w, h, depth, colour, AuthFailureStyle.MODERN_401, ScreenshotFormat.PNG,
                SizeProfile.POST_40KB, false, "14.2.1");
    }

    private static SimModel legacy(String name, String header, int w, int h, int depth, boolean colour) {
        return new SimModel(name, header, w, h, depth, colour, AuthFailureStyle.LEGACY_200, ScreenshotFormat.BMP,
                SizeProfile.LEGACY_512B, false, "9.4.2");
    }

    /** Services-area sizes from reference notes §2.4 where listed; others from the models' data sheets. */
    public static final List<SimModel> ALL = List.of(
            modern("7841", "CP-7841", 396, 162, 4, false),
            new SimModel("8845-MPP", "CP-8845-3PCC", 559, 265, 24, true, AuthFailureStyle.MODERN_401,
                    ScreenshotFormat.PNG, SizeProfile.POST_40KB, true, "12.0.1"),
            legacy("7942", "CP-7942", 298, 144, 4, false),
            legacy("7962", "CP-7962", 298, 144, 4, false),
            legacy("7975", "CP-7975", 298, 168, 16, true),
            modern("8811", "CP-8811", 559, 265, 4, false),
            modern("8821", "CP-8821", 240, 215, 24, true),
            modern("8832", "CP-8832", 480, 128, 4, false),
            modern("8845", "CP-8845", 559, 265, 24, true),
            modern("8851", "CP-8851", 559, 265, 24, true),
            modern("8865", "CP-8865", 559, 265, 24, true),
            modern("8875", "CP-8875", 696, 312, 24, true),
            modern("9841", "DP-9841", 320, 120, 8, false),
            modern("9851", "DP-9851", 320, 108, 24, true),
            modern("9861", "DP-9861", 600, 280, 24, true),
            modern("9871", "DP-9871", 960, 360, 24, true),
            legacy("IPC", "Cisco IP Communicator", 298, 168, 24, true));

    /** By short name ("8845"), header name ("CP-8845") or without prefix, case-insensitive. */
    public static Optional<SimModel> of(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(m -> m.name.equalsIgnoreCase(n) || m.headerName.equalsIgnoreCase(n)
                || ("CIPC".equals(n) && m.name.equals("IPC"))).findFirst();
    }

    public boolean is79xx() {
        return name.startsWith("79") || name.equals("IPC");
    }

    /** {@code x-CiscoIPPhoneDisplay}: "W, H, depth, C|G" (reference notes §2.4). */
    public String displayHeader() {
        return width + ", " + height + ", " + depth + ", " + (colour ? "C" : "G");
    }
}
