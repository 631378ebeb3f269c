package io.atoll.cell.storage.api;

import io.atoll.cell.storage.support.StorageUnderTest;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The role the service runs its queries as reads and writes rows, and can do nothing to the schema. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRoleIT {
    private final StorageUnderTest storage = StorageUnderTest.create("storage_role");
    private final EmbeddedServer server = storage.start();

    @AfterAll
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void theServiceRunsAsTheServiceRoleNotAsTheOwner() throws SQLException {
        try (Connection connection = server.getApplicationContext().getBean(DataSourceResolver.class)
                .resolve(server.getApplicationContext().getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("storage_service");
            assertThat(rows.getBoolean(2)).isFalse();
        }
    }

    @Test
    void theServiceRoleCanReadItemsButNotDeleteChangeOrAddThem() throws SQLException {
        try (Connection connection = asServiceRole(); Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM items");
            rows.next();
            assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(30);

            assertRefused(statement, "DELETE FROM items WHERE sku = 'GAS-230G'");
            assertRefused(statement, "UPDATE items SET price = 0");
            assertRefused(statement, "INSERT INTO items (sku, name, weight_grams, price, currency) VALUES ('FREE-1', 'x', 1, 0, 'EUR')");
        }
        assertThat(storage.count("SELECT count(*) FROM items WHERE sku = 'GAS-230G' AND price = 6.50")).isEqualTo(1);
    }

    @Test
    void theServiceRoleCannotDropAlterTruncateOrCreateTables() throws SQLException {
        try (Connection connection = asServiceRole(); Statement statement = connection.createStatement()) {
            assertRefused(statement, "DROP TABLE orders");
            assertRefused(statement, "ALTER TABLE orders ADD COLUMN note text");
            assertRefused(statement, "ALTER TABLE items DROP COLUMN price");
            assertRefused(statement, "TRUNCATE outbox_events");
            assertRefused(statement, "DELETE FROM orders");
            assertRefused(statement, "CREATE TABLE scratch (id int)");
            assertRefused(statement, "DROP TABLE flyway_schema_history");
        }
        assertThat(storage.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"))
                .isZero();
    }

    @Test
    void theServiceRoleMayDeleteWhatThePurgeRemovesButNotTruncateIt() throws SQLException {
        try (Connection connection = asServiceRole(); Statement statement = connection.createStatement()) {
            for (String table : List.of("job_results", "notifications", "jobs", "job_requests", "processed_messages", "uploads")) {
                assertThat(statement.executeUpdate("DELETE FROM " + table + " WHERE false")).as(table).isZero();
                assertRefused(statement, "TRUNCATE " + table);
                assertRefused(statement, "ALTER TABLE " + table + " ADD COLUMN note text");
            }
        }
    }

    private Connection asServiceRole() throws SQLException {
        return DriverManager.getConnection(storage.database().jdbcUrl(), "storage_service", "");
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(error -> assertThat(((SQLException) error).getSQLState()).as(sql).isIn("42501", "42P01"));
    }
}
