package io.atoll.router.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountKeyTest {
    @Test
    void sameAddressInAnyCaseAndSpacingIsTheSameKey() {
        assertThat(AccountKey.of("Ada@Example.org ")).isEqualTo(AccountKey.of("ada@example.org"));
    }

    @Test
    void keyIsAHashNotTheAddress() {
        AccountKey key = AccountKey.of("ada@example.org").orElseThrow();

        assertThat(key.value()).hasSize(64).doesNotContain("ada");
    }

    @Test
    void blankOrOverlongIdentifiersNameNoAccount() {
        assertThat(AccountKey.of("  ")).isEmpty();
        assertThat(AccountKey.of(null)).isEmpty();
        assertThat(AccountKey.of("a".repeat(321))).isEmpty();
    }
}
