package io.phonectl.xsi.codec;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.object.Text;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeProfileTest {

    private static Text sized(int bytes) {
        int base = XsiCodec.encode(Text.builder().text("").build()).length;
        return Text.builder().text("x".repeat(bytes - base)).build();
    }

    @Test
    void legacyProfileAccepts512BytesAndRejects513() {
        assertThat(XsiCodec.encode(sized(512), StandardCharsets.UTF_8, SizeProfile.LEGACY_512B)).hasSize(512);
        assertThatThrownBy(() -> XsiCodec.encode(sized(513), StandardCharsets.UTF_8, SizeProfile.LEGACY_512B))
                .isInstanceOf(XsiValidationException.class).hasMessageContaining("XML").hasMessageContaining("513 bytes");
    }

    @Test
    void postProfileAllowsTheLargestText() {
        assertThat(XsiCodec.encode(Text.builder().text("€".repeat(4000)).build(), StandardCharsets.UTF_8,
                SizeProfile.POST_40KB).length).isLessThanOrEqualTo(40_960);
    }
}
