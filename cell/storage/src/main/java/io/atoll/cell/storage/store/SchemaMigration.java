package io.atoll.cell.storage.store;

import io.atoll.cell.storage.config.DatabaseSettings;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Migrates the schema as its owner before the service's connection pool exists.
 *
 * <p>The pool logs in as the service role, which the migrations create: so they run when the pool's settings
 * are made, which is always before the pool itself, and not when the pool is made (micronaut-flyway's moment),
 * by which time the pool has already tried to log in.
 */
@Singleton
final class SchemaMigration implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final DatabaseSettings database;

    SchemaMigration(DatabaseSettings database) {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(database.url(), database.migrationUsername(), database.migrationPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("serviceRole", database.serviceUsername()))
                .load()
                .migrate();
        LOG.info("Schema migrated: {} migrations applied, now at version {}", result.migrationsExecuted,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
        return event.getBean();
    }
}
