package io.phonectl.cli.archfixture.client;

/** The client module the xsi fixture must not use. */
public final class ClientFixture {
}
