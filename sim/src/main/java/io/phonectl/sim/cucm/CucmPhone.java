package io.phonectl.sim.cucm;

import io.phonectl.cucm.TypeModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configured phone of the simulated cluster and what each CM node knows of its registration. Mutable; only
 * {@link CucmDirectory} changes it, under its lock.
 */
final class CucmPhone {

    final String uuid;
    String name;
    String description;
    final TypeModel model;
    final String protocol;
    String devicePool;
    String dn;
    final String activeLoad;
    String ip;
    /** The phone's web server (Settings > Web Access), which XSI pushes need; RisPort reports it as Httpd. */
    boolean webAccess = true;
    /** Node name → what that node reports; absent = the node never saw the phone. */
    final Map<String, NodeState> nodes = new LinkedHashMap<>();

    CucmPhone(String uuid, String name, String description, TypeModel model, String protocol, String devicePool,
              String dn, String activeLoad, String ip) {
        this.uuid = uuid;
        this.name = name;
        this.description = description;
        this.model = model;
        this.protocol = protocol;
        this.devicePool = devicePool;
        this.dn = dn;
        this.activeLoad = activeLoad;
        this.ip = ip;
    }

    /** One node's view: Registered, UnRegistered, Rejected…, the StatusReason, and when (epoch seconds). */
    record NodeState(String status, int reason, long timeStamp, String ip) {
    }
}
