package io.phonectl.cli.archfixture.xsi.uri;

import io.phonectl.cli.archfixture.xsi.model.CatalogFixture;

/** The other half of the xsi.model <-> xsi.uri cycle. */
public final class UriFixture {
    public CatalogFixture model;
}
