package io.phonectl.cli.archfixture.cli;

/** The top module's root package (its assembly layer): present so every checked module's rules have classes. */
public final class CliFixture {
    private CliFixture() {
    }
}
