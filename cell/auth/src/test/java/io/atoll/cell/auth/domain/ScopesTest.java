package io.atoll.cell.auth.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopesTest {
    @Test
    void scopesReadAndWriteAsRfc6749Says() {
        Scopes scopes = Scopes.parse("  storage:write app   storage:read ");
        assertThat(scopes).hasToString("app storage:read storage:write");
        assertThat(scopes.containsAll(Scopes.parse("app storage:read"))).isTrue();
        assertThat(Scopes.parse("app").containsAll(scopes)).isFalse();
        assertThat(Scopes.parse(" ")).isEqualTo(Scopes.NONE);
    }

    @Test
    void quotesAndBackslashesAreNotScopeCharacters() {
        assertThatThrownBy(() -> Scopes.parse("app \"admin\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scopes.parse("a\\b")).isInstanceOf(IllegalArgumentException.class);
    }
}
