package io.phonectl.sim.phone;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.model.ExecuteFailureStyle;
import io.phonectl.xsi.model.Family;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A simulated phone's model: a view of its entry in the model catalog ({@link ModelCatalog}, the project's only
 * table of model facts) with the accessors the simulator uses. Holds no facts of its own.
 */
public record SimModel(PhoneModel catalog) {

    /** The models issue 3 asks for, in the order {@code --models mix} cycles through them. */
    public static final List<String> MIX = List.of("CP-7841", "CP-8851-3PCC", "CP-7942", "CP-7962", "CP-7975",
            "CP-8811", "CP-8821", "CP-8832", "CP-8845", "CP-8851", "CP-8865", "CP-8875", "DP-9841", "DP-9851",
            "DP-9861", "DP-9871", "IP-Communicator");

    public static final List<SimModel> ALL = MIX.stream().map(n -> of(n).orElseThrow()).toList();

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

    /** By any name or alias the catalog knows ("CP-8845", "8845", "CIPC"). */
    public static Optional<SimModel> of(String name) {
        return ModelCatalog.standard().find(name).map(SimModel::new);
    }

    /** The name the phone announces ({@code x-CiscoIPPhoneModelName}), e.g. CP-8845. */
    public String name() {
        return catalog.name();
    }

    public String headerName() {
        return catalog.name();
    }

    public int width() {
        return catalog.display().width();
    }

    public int height() {
        return catalog.display().height();
    }

    public int depth() {
        return catalog.display().depth();
    }

    public boolean colour() {
        return catalog.display().color();
    }

    public ExecuteFailureStyle failureStyle() {
        return catalog.executeFailure();
    }

    public ScreenshotFormat screenshotFormat() {
        return "bmp".equals(catalog.screenshotFormat().toLowerCase(Locale.ROOT)) ? ScreenshotFormat.BMP : ScreenshotFormat.PNG;
    }

    public SizeProfile sizeProfile() {
        return catalog.sizeProfile();
    }

    public boolean multiplatform() {
        return catalog.mpp();
    }

    public String sdkVersion() {
        return catalog.sdkVersion();
    }

    public boolean is79xx() {
        return catalog.family() == Family.F79XX;
    }

    /** {@code x-CiscoIPPhoneDisplay}: "W, H, depth, C|G" (reference notes §2.4). */
    public String displayHeader() {
        return catalog.display().header();
    }
}
