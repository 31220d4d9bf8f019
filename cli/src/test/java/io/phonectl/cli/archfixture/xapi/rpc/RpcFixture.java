package io.phonectl.cli.archfixture.xapi.rpc;

import io.phonectl.cli.archfixture.xapi.ErrorFixture;

/** The other half of the xapi <-> xapi.rpc cycle. */
public final class RpcFixture {
    public ErrorFixture raise() {
        return new ErrorFixture();
    }
}
