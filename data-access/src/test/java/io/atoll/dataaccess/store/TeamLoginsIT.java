package io.atoll.dataaccess.store;

import io.atoll.dataaccess.CoreDatabaseFixture;
import io.atoll.dataaccess.RepositoryScopes;
import io.atoll.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's login granted and revoked on a scoped core database: their team's role, their attributes, nothing else. */
class TeamLoginsIT {
    private static final String PASSWORD = "correct-horse-battery";
    private static PostgresDatabase database;
    private static TeamLogins logins;
    private final String prefix = "tl_" + UUID.randomUUID().toString().substring(0, 8) + "_";

    @BeforeAll
    static void createCellDatabase() {
        database = CoreDatabaseFixture.create("data_access_logins");
        logins = new TeamLogins(RepositoryScopes.load(), database.jdbcUrl(), database.username(), database.password());
    }

    @AfterAll
    static void dropCellDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aGrantedPersonIsALoginOfTheirTeamWithTheirRegionAndARevokedOneIsGone() throws SQLException {
        String ana = prefix + "ana";
        try {
            logins.grant("logistics", ana, PASSWORD, Map.of("region", "eu-west-1"));

            assertThat(query("SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ?", ana))
                    .containsExactly("t", "f", "f");
            assertThat(query("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                    + " JOIN pg_roles p ON p.oid = m.member WHERE p.rolname = ?", ana)).containsExactly("logistics");
            assertThat(query("SELECT attribute || '=' || value FROM data_access.user_attributes WHERE login = ?", ana))
                    .containsExactly("region=eu-west-1");

            logins.grant("logistics", ana, PASSWORD + "-2", Map.of("region", "us-east-1"));
            assertThat(query("SELECT value FROM data_access.user_attributes WHERE login = ?", ana)).containsExactly("us-east-1");

            logins.revoke("logistics", ana);
            assertThat(query("SELECT rolname FROM pg_roles WHERE rolname = ?", ana)).isEmpty();
            assertThat(query("SELECT login FROM data_access.user_attributes WHERE login = ?", ana)).isEmpty();
            logins.revoke("logistics", ana);
        } finally {
            CoreDatabaseFixture.dropRoles(database, ana);
        }
    }

    @Test
    void aPersonIsOfOneTeamAndARevokeNamesTheirTeam() throws SQLException {
        String bo = prefix + "bo";
        try {
            logins.grant("sales", bo, PASSWORD, Map.of());

            assertThatThrownBy(() -> logins.grant("analytics", bo, PASSWORD, Map.of()))
                    .hasMessage(bo + " is a login of sales: revoke it there first");
            assertThatThrownBy(() -> logins.revoke("analytics", bo)).hasMessage(bo + " is a login of sales, not of analytics");
            assertThat(query("SELECT rolname FROM pg_roles WHERE rolname = ?", bo)).containsExactly(bo);
        } finally {
            CoreDatabaseFixture.dropRoles(database, bo);
        }
    }

    @Test
    void aRequestThatIsNotOneIsRefusedInOneLineBeforeAnythingIsMade() throws SQLException {
        String cy = prefix + "cy";
        assertThatThrownBy(() -> logins.grant("logistics", cy, PASSWORD, Map.of()))
                .hasMessage("logistics logins are given --region, not nothing");
        assertThatThrownBy(() -> logins.grant("sales", cy, PASSWORD, Map.of("region", "eu-west-1")))
                .hasMessage("sales logins are given nothing, not --region");
        assertThatThrownBy(() -> logins.grant("marketing", cy, PASSWORD, Map.of()))
                .hasMessage("no team 'marketing'; the teams are analytics, logistics, sales");
        assertThatThrownBy(() -> logins.grant("sales", "Robert'); DROP TABLE items;--", PASSWORD, Map.of()))
                .hasMessageStartingWith("'Robert'); DROP TABLE items;--' is not a login name");
        assertThatThrownBy(() -> logins.grant("sales", "sales", PASSWORD, Map.of())).hasMessage("'sales' is a team's name, not a person's");
        assertThatThrownBy(() -> logins.grant("sales", "pg_monitor", PASSWORD, Map.of())).hasMessageStartingWith("'pg_monitor' is not a login name");
        assertThatThrownBy(() -> logins.grant("sales", cy, "short", Map.of())).hasMessageStartingWith("a password is 12 to 128");
        assertThatThrownBy(() -> logins.grant("sales", cy, "quote'in-the-middle", Map.of())).hasMessageStartingWith("a password is 12 to 128");
        assertThatThrownBy(() -> logins.grant("sales", database.username(), PASSWORD, Map.of()))
                .hasMessage(database.username() + " is a role of this server that is no team's login");
        assertThat(query("SELECT rolname FROM pg_roles WHERE rolname = ?", cy)).isEmpty();
    }

    private static List<String> query(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        values.add(rows.getString(column));
                    }
                }
            }
            return values;
        }
    }
}
