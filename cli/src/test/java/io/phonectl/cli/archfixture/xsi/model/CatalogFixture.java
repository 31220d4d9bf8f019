package io.phonectl.cli.archfixture.xsi.model;

import io.phonectl.cli.archfixture.xsi.uri.UriFixture;

/** Cycle: xsi.model -> xsi.uri -> xsi.model, as once between PhoneModel and InternalUri. */
public final class CatalogFixture {
    public UriFixture uri;
}
