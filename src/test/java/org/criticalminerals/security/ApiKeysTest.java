package org.criticalminerals.security;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static String sha(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    @Test
    void aPresentedKeyMatchesTheEntryWithItsHash() {
        ApiKeys keys = ApiKeys.parse("acme:partner:" + sha("k1") + ", ops : CURATOR : " + sha("k2").toUpperCase());
        assertThat(keys.match("k1")).get().satisfies(k -> {
            assertThat(k.name()).isEqualTo("acme");
            assertThat(k.role()).isEqualTo(Role.PARTNER);
        });
        assertThat(keys.match("k2")).get().extracting(ApiKeys.ApiKey::role).isEqualTo(Role.CURATOR);
        assertThat(keys.match("k3")).isEmpty();
        assertThat(keys.match("")).isEmpty();
    }

    @Test
    void nothingConfiguredMeansNoKeys() {
        assertThat(ApiKeys.parse("").isEmpty()).isTrue();
        assertThat(ApiKeys.parse("  ").match("anything")).isEmpty();
    }

    @Test
    void aBadEntryIsNamedWithoutEchoingItsHash() {
        assertThatThrownBy(() -> ApiKeys.parse("acme:partner"))
                .hasMessageContaining("entry 1").hasMessageContaining("name:role:sha256-hex");
        assertThatThrownBy(() -> ApiKeys.parse("a:reader:" + sha("x") + ",b:admin:" + sha("y")))
                .hasMessageContaining("entry 2 (b)").hasMessageContaining("unknown role 'admin'");
        assertThatThrownBy(() -> ApiKeys.parse("a:reader:my-plain-key"))
                .hasMessageContaining("not the key itself").hasMessageNotContaining("my-plain-key");
        assertThatThrownBy(() -> ApiKeys.parse("a:reader:" + sha("x") + ",a:partner:" + sha("y"))).hasMessageContaining("used twice");
        assertThatThrownBy(() -> ApiKeys.parse("a:reader:" + sha("x") + ",b:partner:" + sha("x"))).hasMessageContaining("same key");
        assertThatThrownBy(() -> ApiKeys.parse("bad name:reader:" + sha("x"))).hasMessageContaining("the name must be");
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.CURATOR.includes(Role.PARTNER)).isTrue();
        assertThat(Role.PARTNER.includes(Role.READER)).isTrue();
        assertThat(Role.READER.includes(Role.PARTNER)).isFalse();
        assertThat(Role.hierarchy().getReachableGrantedAuthorities(
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CURATOR"))))
                .extracting(Object::toString).contains("ROLE_CURATOR", "ROLE_PARTNER", "ROLE_READER");
    }
}
