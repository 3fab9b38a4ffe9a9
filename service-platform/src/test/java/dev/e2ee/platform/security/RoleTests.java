package dev.e2ee.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTests {

    @ParameterizedTest
    @ValueSource(strings = {"user", "admin", "auditor"})
    void fromClaimWhenSpecSpellingThenRole(String value) {
        assertThat(Role.fromClaim(value))
                .hasValueSatisfying(role -> assertThat(role.claimValue()).isEqualTo(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "Admin", "aDmin", " admin", "admin ", "USER", "Auditor", "ROLE_ADMIN", ""})
    void fromClaimWhenAnyOtherSpellingThenEmpty(String value) {
        assertThat(Role.fromClaim(value)).isEmpty();
    }
}
