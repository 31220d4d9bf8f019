package io.phonectl.server.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that runs with no other test class beside it (surefire execution {@code alone} of
 * server/pom.xml: one JVM, one class at a time, after the others), while the module's other classes share the
 * machine two at a time: the classes that start service processes of their own, kill them and time replica leases
 * of a few seconds, whose heartbeats must not starve behind another class's load.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("alone")
public @interface Alone {
}
