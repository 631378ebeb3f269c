package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryTeamScopesTest {
    private static final Path REPOSITORY_SCOPES = Path.of(System.getProperty("atoll.root", "../..")).resolve("data-access/scopes");

    @Test
    void thePrimaryRefusesTheAnalyticsTeamOfTheRepositorysScopeFiles() {
        assertThat(new RepositoryTeamScopes(REPOSITORY_SCOPES).primaryLoginRules()).contains("host all +analytics all reject");
    }

    @Test
    void aBrokenScopeFileIsOneLineNamingItsFieldWhenThePrimaryStarts(@TempDir Path scopes) throws IOException {
        Files.writeString(scopes.resolve("sales.yaml"), "team: sales\ndescription: x\nsessions: primary-only\n");

        assertThatThrownBy(() -> new RepositoryTeamScopes(scopes).primaryLoginRules())
                .isInstanceOf(PlatformException.class)
                .hasMessage(scopes.getFileName() + "/sales.yaml: sessions: unknown value 'primary-only' (known: any, replica-only)");
    }
}
