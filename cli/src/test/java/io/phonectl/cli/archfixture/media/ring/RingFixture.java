package io.phonectl.cli.archfixture.media.ring;

import io.phonectl.cli.archfixture.xsi.RootFixture;

/** media may use only Violation and Sources of xsi; this uses another class (as once XsiValidationException). */
public final class RingFixture {
    public RootFixture borrowed;
}
