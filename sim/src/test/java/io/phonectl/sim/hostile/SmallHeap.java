package io.phonectl.sim.hostile;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that must run in the small-heap JVM (surefire execution {@code small-heap} of sim/pom.xml,
 * {@code -Xmx64m}): there an unbounded read fails fast with OutOfMemoryError, so passing proves memory stays bounded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("small-heap")
@interface SmallHeap {
}
