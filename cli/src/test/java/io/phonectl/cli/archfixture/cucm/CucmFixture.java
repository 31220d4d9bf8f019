package io.phonectl.cli.archfixture.cucm;

/** A protocol module of the fixture that keeps to its narrow use of xsi (uses none of it): reported by no rule. */
public final class CucmFixture {
    private CucmFixture() {
    }
}
