package io.phonectl.cucm.ris;

import io.phonectl.cucm.CucmValidationException;

import java.util.List;
import java.util.Set;

/**
 * RisPort70's {@code CmSelectionCriteria}: which devices to report (RISService70 WSDL). {@code selectItems} are
 * names, addresses, numbers or descriptions according to {@code selectBy}; {@code *} matches any run of characters.
 *
 * @param maxReturnedDevices 1..1000: the most device items one answer carries
 * @param model              a typemodel enum; 255 means any
 * @param nodeName           one CM node, or empty for every node of the cluster
 */
public record CmSelectionCriteria(int maxReturnedDevices, String deviceClass, int model, String status, String nodeName,
                                  String selectBy, List<String> selectItems, String protocol, String downloadStatus) {

    public static final int MAX_RETURNED_DEVICES = 1000;
    public static final int ANY_MODEL = 255;
    public static final Set<String> DEVICE_CLASSES = Set.of("Any", "Phone", "Gateway", "H323", "Cti", "VoiceMail",
            "MediaResources", "SIPTrunk", "HuntList", "Unknown");
    public static final Set<String> STATUSES = Set.of("Any", "Registered", "UnRegistered", "Rejected",
            "PartiallyRegistered", "Unknown");
    public static final Set<String> SELECT_BY = Set.of("Name", "IPV4Address", "IPV6Address", "DirNumber", "Description");
    public static final Set<String> PROTOCOLS = Set.of("Any", "SCCP", "SIP", "Unknown");
    public static final Set<String> DOWNLOAD_STATUSES = Set.of("Any", "Upgrading", "Successful", "Failed", "Unknown");
    static final String SOURCE = "RisPort70 API reference, CmSelectionCriteria";

    public CmSelectionCriteria {
        if (maxReturnedDevices < 1 || maxReturnedDevices > MAX_RETURNED_DEVICES) {
            throw new CucmValidationException("MaxReturnedDevices", maxReturnedDevices,
                    "must be 1.." + MAX_RETURNED_DEVICES, SOURCE);
        }
        check("DeviceClass", deviceClass, DEVICE_CLASSES);
        check("Status", status, STATUSES);
        check("SelectBy", selectBy, SELECT_BY);
        check("Protocol", protocol, PROTOCOLS);
        check("DownloadStatus", downloadStatus, DOWNLOAD_STATUSES);
        if (model < 0) {
            throw new CucmValidationException("Model", model, "must be a typemodel enum (255 = any)", SOURCE);
        }
        nodeName = nodeName == null ? "" : nodeName.strip();
        selectItems = List.copyOf(selectItems);
        if (selectItems.size() > MAX_RETURNED_DEVICES) {
            throw new CucmValidationException("SelectItems", selectItems.size() + " items",
                    "must be at most " + MAX_RETURNED_DEVICES, SOURCE);
        }
    }

    private static void check(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new CucmValidationException(field, value, "must be one of " + allowed.stream().sorted().toList(),
                    SOURCE);
        }
    }

    /** Phones by name: every class, model, status and protocol, on every node (what discovery asks). */
    public static CmSelectionCriteria phonesByName(List<String> names, String nodeName) {
        return new CmSelectionCriteria(MAX_RETURNED_DEVICES, "Phone", ANY_MODEL, "Any", nodeName, "Name", names, "Any",
                "Any");
    }
}
