package io.atoll.dataaccess.store;

import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TeamScope;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * People's logins in a cell's core database: a login role of the person's name, a member of their team's group role
 * and nothing else, with the attributes the team's scope asks for (a logistics person's region). Roles belong to the
 * server, so a login on a server that holds several cells' databases can open each of them; its attributes, and so
 * its rows, are per database.
 */
public final class TeamLogins {
    /** A login is a plain PostgreSQL (and Trino) name: no quoting, no surprises in either. */
    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9_]{1,62}");
    /** Nothing a statement's literal must escape, whatever the server's string settings. */
    private static final Pattern PASSWORD = Pattern.compile("[\\x21-\\x7e&&[^'\"\\\\]]{12,128}");

    private final Scopes scopes;
    private final String url;
    private final String username;
    private final String password;

    /** @param username a role that may create roles and grant the teams' roles (the core database's owner) */
    public TeamLogins(Scopes scopes, String url, String username, String password) {
        this.scopes = requireNonNull(scopes, "scopes is null");
        this.url = requireNonNull(url, "url is null");
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
    }

    /**
     * Gives {@code login} the team's scope with this password and these attributes, replacing what it had in this
     * database. A login of another team is refused: a person is of one team.
     *
     * @throws IllegalArgumentException naming what is wrong with the request, in one line
     */
    public void grant(String team, String login, String loginPassword, Map<String, String> attributes) throws SQLException {
        TeamScope scope = team(team);
        checkLogin(login);
        if (!PASSWORD.matcher(requireNonNull(loginPassword, "password is null")).matches()) {
            throw new IllegalArgumentException("a password is 12 to 128 printable ASCII characters, without spaces, quotes or backslashes");
        }
        if (!attributes.keySet().equals(scope.attributes().keySet())) {
            throw new IllegalArgumentException(team + " logins are given " + describe(scope.attributes().keySet()) + ", not "
                    + describe(new TreeSet<>(attributes.keySet())));
        }
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Optional<String> current = teamOf(connection, login);
            if (current.isPresent() && !current.get().equals(team)) {
                throw new IllegalArgumentException(login + " is a login of " + current.get() + ": revoke it there first");
            }
            try (Statement statement = connection.createStatement()) {
                boolean exists = exists(connection, login);
                if (exists && current.isEmpty()) {
                    throw new IllegalArgumentException(login + " is a role of this server that is no team's login");
                }
                String verb = exists ? "ALTER" : "CREATE";
                statement.execute(verb + " ROLE " + login + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                        + " PASSWORD " + literal(loginPassword));
                statement.execute("GRANT " + team + " TO " + login);
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM data_access.user_attributes WHERE login = ?");
                 PreparedStatement give = connection.prepareStatement("INSERT INTO data_access.user_attributes VALUES (?, ?, ?)")) {
                forget.setString(1, login);
                forget.executeUpdate();
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    give.setString(1, login);
                    give.setString(2, attribute.getKey());
                    give.setString(3, attribute.getValue());
                    give.addBatch();
                }
                give.executeBatch();
            }
            connection.commit();
        }
    }

    /** Takes the login away from the server, with its attributes here; harmless when it has none. */
    public void revoke(String team, String login) throws SQLException {
        team(team);
        checkLogin(login);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Optional<String> current = teamOf(connection, login);
            if (current.isPresent() && !current.get().equals(team)) {
                throw new IllegalArgumentException(login + " is a login of " + current.get() + ", not of " + team);
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM data_access.user_attributes WHERE login = ?")) {
                forget.setString(1, login);
                forget.executeUpdate();
            }
            if (current.isPresent()) {
                try (Statement statement = connection.createStatement()) {
                    // What a hand may have granted the login in this database goes with it; the role can then be dropped.
                    statement.execute("DROP OWNED BY " + login);
                    statement.execute("DROP ROLE " + login);
                }
            }
            connection.commit();
        }
    }

    private TeamScope team(String team) {
        return scopes.teams().stream().filter(scope -> scope.team().equals(team)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no team '" + team + "'; the teams are "
                        + String.join(", ", new TreeSet<>(scopes.teams().stream().map(TeamScope::team).toList()))));
    }

    private void checkLogin(String login) {
        if (!LOGIN.matcher(requireNonNull(login, "login is null")).matches() || login.startsWith("pg_")) {
            throw new IllegalArgumentException("'" + login + "' is not a login name: lower-case letters, digits and '_', "
                    + "starting with a letter, 2 to 63 characters, not starting with pg_");
        }
        if (scopes.teams().stream().anyMatch(scope -> scope.team().equals(login))) {
            throw new IllegalArgumentException("'" + login + "' is a team's name, not a person's");
        }
    }

    /** The team whose group role the login is a member of, if it is a login of one. */
    private Optional<String> teamOf(Connection connection, String login) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT team.rolname FROM pg_auth_members m
                JOIN pg_roles team ON team.oid = m.roleid
                JOIN pg_roles person ON person.oid = m.member
                WHERE person.rolname = ? AND team.rolname = ANY (?)""")) {
            query.setString(1, login);
            query.setArray(2, connection.createArrayOf("text", scopes.teams().stream().map(TeamScope::team).toArray()));
            var rows = query.executeQuery();
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            return query.executeQuery().next();
        }
    }

    /** A string literal for a statement that takes no parameters (CREATE ROLE); the value was checked to need no escaping. */
    private static String literal(String value) {
        return "'" + value + "'";
    }

    private static String describe(Set<String> names) {
        return names.isEmpty() ? "nothing" : String.join(", ", names.stream().map(name -> "--" + name).toList());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
