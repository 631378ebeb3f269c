package io.atoll.devstack.server.trino;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrinoLoginsTest {
    @TempDir
    Path etc;

    @Test
    void aGrantWritesA2yBcryptHashOfThePasswordAndTheTeamsGroup() throws Exception {
        TrinoLogins logins = new TrinoLogins(etc);

        logins.grant("ann", "ann's password", "logistics");
        logins.grant("bob", "bob's password", "logistics");
        logins.grant("atoll", "operator");

        String hash = Files.readAllLines(etc.resolve("password.db")).get(0);
        assertThat(hash).startsWith("ann:$2y$10$");
        assertThat(BCrypt.checkpw("ann's password", hash.substring("ann:".length()))).isTrue();
        assertThat(Files.readString(etc.resolve("group.txt"))).isEqualTo("logistics:ann,bob\n");
        assertThat(logins.logins()).containsOnlyKeys("ann", "atoll", "bob");
        assertThat(logins.logins().get("ann")).containsExactly("logistics");
        assertThat(logins.logins().get("atoll")).isEmpty();
    }

    @Test
    void aSecondGrantMovesThePersonAndARevokeTakesThemAwayFromBothFiles() throws Exception {
        TrinoLogins logins = new TrinoLogins(etc);
        logins.grant("ann", "first", "logistics");
        logins.grant("ann", "second", "sales");
        logins.grant("bob", "bob's", "sales");

        assertThat(Files.readString(etc.resolve("group.txt"))).isEqualTo("sales:ann,bob\n");
        logins.revoke("ann");
        logins.revoke("nobody");

        assertThat(Files.readString(etc.resolve("password.db"))).startsWith("bob:$2y$").doesNotContain("ann");
        assertThat(Files.readString(etc.resolve("group.txt"))).isEqualTo("sales:bob\n");
    }

    @Test
    void aNameEitherFileCannotHoldIsRefusedInOneLine() {
        TrinoLogins logins = new TrinoLogins(etc);

        assertThatThrownBy(() -> logins.grant("ann:admin", "x", "sales"))
                .hasMessage("'ann:admin' is not a login Trino can take (lower-case letters, digits, '_', '.', '-')");
        assertThatThrownBy(() -> logins.grant("ann", "x", "sales,analytics"))
                .hasMessage("'sales,analytics' is not a group Trino can take (lower-case letters, digits, '_', '.', '-')");
        assertThatThrownBy(() -> logins.grant("ann", "", "sales")).hasMessage("the password of ann is empty");
    }
}
