package io.phonectl.xsi.codec;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.Text;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeProfileTest {

    private static Text sized(int bytes) {
        int base = XsiCodec.encode(Text.builder().text("").build()).length;
        return Text.builder().text("x".repeat(bytes - base)).build();
    }

    @Test
    void legacyProfileAccepts512BytesAndRejects513() {
        assertThat(XsiPush.of("t", sized(512), SizeProfile.LEGACY_512B).size()).isEqualTo(512);
        assertThatThrownBy(() -> XsiPush.of("t", sized(513), SizeProfile.LEGACY_512B))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("XML").hasMessageContaining("513 bytes");
    }

    @Test
    void postProfileAllowsTheLargestText() {
        assertThat(XsiPush.of("t", Text.builder().text("€".repeat(4000)).build(), SizeProfile.POST_40KB).size())
                .isLessThanOrEqualTo(40_960);
    }
}
