package io.phonectl.sim.xapi;

/** xAPI user roles (PhoneOS release notes, seed 002 "User Roles"); RoomOS uses the same names for these three. */
public enum XapiRole {
    /** Full access to all commands, configurations and status. */
    ADMIN,
    /** Integration commands and status; no reboot, reset or certificate store. */
    INTEGRATOR,
    /** Status reads, feedback and user-level commands only. */
    USER
}
