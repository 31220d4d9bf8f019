package io.phonectl.cli.archfixture.xsi;

import io.phonectl.cli.archfixture.client.ClientFixture;

/** A protocol module that uses the client module above it. */
public final class RootFixture {
    public ClientFixture client;
}
