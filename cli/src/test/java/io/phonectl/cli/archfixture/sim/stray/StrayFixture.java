package io.phonectl.cli.archfixture.sim.stray;

/** A sim package that is in none of sim's documented layers. */
public final class StrayFixture {
}
