package io.phonectl.cucm.ris;

import java.util.List;

/** One CM node's part of an answer: {@code returnCode} Ok, NotFound, … and the devices it knows. */
public record CmNode(String returnCode, String name, boolean noChange, List<CmDevice> devices) {

    public CmNode {
        devices = List.copyOf(devices);
    }
}
