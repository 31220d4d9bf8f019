package io.phonectl.xapi.schema;

/** xAPI user roles of seeds/002: ADMIN full access, INTEGRATOR integration items, USER user-level items. */
public enum Role { ADMIN, INTEGRATOR, USER }
