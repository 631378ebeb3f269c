package io.atoll.cell.auth.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {
    @Test
    void addressesAreStoredInOneForm() {
        assertThat(Credentials.normalizeEmail("  Ada.Lovelace@Example.COM ")).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void implausibleAddressesAreRefused() {
        for (String address : new String[] {"", "ada", "ada@", "@example.com", "ada@example", "a b@example.com", "a@b@example.com"}) {
            assertThatThrownBy(() -> Credentials.normalizeEmail(address)).as(address).isInstanceOf(AccountRequestException.class);
        }
    }

    @Test
    void passwordsMustBeLongAndNotTheAddress() {
        Credentials.checkPassword("correct horse battery staple", "ada@example.com");
        assertThatThrownBy(() -> Credentials.checkPassword("short", "ada@example.com")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> Credentials.checkPassword("aaaaaaaaaaaaaaaa", "ada@example.com")).hasMessageContaining("so few");
        assertThatThrownBy(() -> Credentials.checkPassword("Ada@Example.com", "ada@example.com")).isInstanceOf(AccountRequestException.class);
        assertThatThrownBy(() -> Credentials.checkPassword("x".repeat(64) + "yz".repeat(40), "ada@example.com")).hasMessageContaining("at most");
    }
}
