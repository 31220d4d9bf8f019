package io.phonectl.cli.archfixture.xapi;

import io.phonectl.cli.archfixture.xapi.rpc.RpcFixture;

/** Cycle through a module's root package: xapi -> xapi.rpc -> xapi, as once with RpcError and the exceptions. */
public final class ErrorFixture {
    public RpcFixture error;
}
