package io.phonectl.client.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {

    @Test
    void passwordNeverShown() {
        Credentials c = Credentials.of("alice", "hunter2");
        assertThat(c.toString()).contains("alice").doesNotContain("hunter2");
        assertThat(c.basicHeader()).isEqualTo("Basic YWxpY2U6aHVudGVyMg==");
        assertThat(c.matches("Basic YWxpY2U6aHVudGVyMg==")).isTrue();
        assertThat(c.matches("Basic YWxpY2U6aHVudGVyMw==")).isFalse();
        assertThat(c.matches(null)).isFalse();
    }

    @Test
    void invalidUsersAreRejectedWithoutThePassword() {
        assertThatThrownBy(() -> Credentials.of("a:b", "pw-xyz")).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("a:b").hasMessageNotContaining("pw-xyz");
        assertThatThrownBy(() -> Credentials.of("", "pw")).isInstanceOf(CredentialsException.class);
        assertThatThrownBy(() -> Credentials.of("u", null)).isInstanceOf(CredentialsException.class);
    }

    @Test
    void environmentReferences() {
        var r = new CredentialResolver(Map.of("PHONECTL_USER", "admin", "PHONECTL_PASSWORD", "pw1",
                "SITEA_USER", "a", "SITEA_PASSWORD", "pw2"));
        assertThat(r.resolve(null, null)).isEqualTo(Credentials.of("admin", "pw1"));
        assertThat(r.resolve("env", "bob")).isEqualTo(Credentials.of("bob", "pw1"));
        assertThat(r.resolve("env:SITEA", null)).isEqualTo(Credentials.of("a", "pw2"));
        assertThatThrownBy(() -> r.resolve("env:NOPE", null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("NOPE_PASSWORD");
        assertThatThrownBy(() -> r.resolve("vault:x", null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("vault:x");
    }

    @Test
    void fileReferences(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("creds.properties");
        Files.writeString(f, "user=ops\npassword=pw3\nlab.user=labuser\nlab.password=pw4\n");
        var r = new CredentialResolver(Map.of());
        assertThat(r.resolve("file:" + f, null)).isEqualTo(Credentials.of("ops", "pw3"));
        assertThat(r.resolve("file:" + f + "#lab", null)).isEqualTo(Credentials.of("labuser", "pw4"));
        assertThat(r.resolve("file:" + f + "#lab", "carol")).isEqualTo(Credentials.of("carol", "pw4"));
        assertThatThrownBy(() -> r.resolve("file:" + f + "#none", null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("none.password").hasMessageNotContaining("pw3");
        assertThatThrownBy(() -> r.resolve("file:" + dir.resolve("missing"), null))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("cannot read");
    }
}
