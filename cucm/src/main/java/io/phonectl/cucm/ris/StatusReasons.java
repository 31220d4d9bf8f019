package io.phonectl.cucm.ris;

import java.util.Map;

/**
 * What a RisPort {@code StatusReason} code means. Unregistered devices carry a CcmDevUnregCauseCode, rejected ones a
 * CcmDevFailCauseCode (CISCO-CCM-MIB); the two tables share numbers with different meanings, so the status picks one.
 */
public final class StatusReasons {

    private static final Map<Integer, String> UNREGISTERED = Map.ofEntries(Map.entry(0, "NoError"),
            Map.entry(1, "Unknown"), Map.entry(6, "ConnectivityError"), Map.entry(8, "DeviceInitiatedReset"),
            Map.entry(9, "CallManagerReset"), Map.entry(10, "DeviceUnregistered"), Map.entry(11, "MalformedRegisterMsg"),
            Map.entry(12, "SCCPDeviceThrottling"), Map.entry(13, "KeepAliveTimeout"),
            Map.entry(14, "ConfigurationMismatch"), Map.entry(15, "CallManagerRestart"),
            Map.entry(16, "DuplicateRegistration"), Map.entry(17, "CallManagerApplyConfig"),
            Map.entry(18, "DeviceNoResponse"), Map.entry(19, "EMLoginLogout"), Map.entry(20, "EMCCLoginLogout"),
            Map.entry(25, "RegistrationSequenceError"), Map.entry(26, "InvalidCapabilities"),
            Map.entry(28, "FallbackInitiated"), Map.entry(29, "DeviceSwitch"), Map.entry(30, "DeviceWipe"),
            Map.entry(31, "DeviceForcedReset"), Map.entry(33, "LowBattery"), Map.entry(34, "ManualPowerOff"));
    private static final Map<Integer, String> REJECTED = Map.ofEntries(Map.entry(0, "NoError"), Map.entry(1, "Unknown"),
            Map.entry(2, "NoEntryInDatabase"), Map.entry(3, "DatabaseConfigurationError"),
            Map.entry(4, "DeviceNameUnresolveable"), Map.entry(5, "MaxDevRegReached"),
            Map.entry(6, "ConnectivityError"), Map.entry(7, "InitializationError"),
            Map.entry(8, "DeviceInitiatedReset"), Map.entry(9, "CallManagerReset"),
            Map.entry(10, "AuthenticationError"), Map.entry(11, "InvalidX509NameInCertificate"),
            Map.entry(12, "InvalidTLSCipher"), Map.entry(13, "DirectoryNumberMismatch"),
            Map.entry(14, "MalformedRegisterMsg"), Map.entry(15, "ProtocolMismatch"));

    private StatusReasons() {
    }

    /** "KeepAliveTimeout (13)"; empty for a registered device; "reason 99" for a code not in the tables. */
    public static String describe(String status, int code) {
        if ("Registered".equals(status)) {
            return "";
        }
        String name = ("Rejected".equals(status) ? REJECTED : UNREGISTERED).get(code);
        return name == null ? "reason " + code : name + " (" + code + ")";
    }
}
