package io.atoll.dataaccess.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Refreshes the teams' aggregates of a cell's core database, as the schema owner, one refresh function after another. */
public final class AggregateRefresher {
    private static final Pattern FUNCTION = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final String url;
    private final String username;
    private final String password;

    public AggregateRefresher(String url, String username, String password) {
        this.url = requireNonNull(url, "url is null");
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
    }

    /**
     * Calls each refresh function. A refresh replaces rows concurrently, so the teams keep reading meanwhile.
     *
     * @throws SQLException the first refresh that failed; those before it stay done
     */
    public void refresh(List<String> functions) throws SQLException {
        for (String function : functions) {
            if (!FUNCTION.matcher(function).matches()) {
                throw new IllegalArgumentException("'" + function + "' is not a schema-qualified function name");
            }
        }
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            for (String function : functions) {
                statement.execute("SELECT " + function + "()");
            }
        }
    }
}
