package io.atoll.dataaccess.config;

import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TeamScope;
import io.atoll.dataaccess.domain.audit.DriftAudit;
import io.atoll.dataaccess.store.PostgresAuditedDatabase;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** An audit per configured cell, against the definition read and compiled once, at start-up. */
@Factory
final class AuditBeans {
    /** The definition as the audits apply it. */
    record CompiledScopes(String sql, List<String> teams) {
    }

    @Singleton
    CompiledScopes compiledScopes(AuditSettings settings) {
        Scopes scopes = Scopes.load(settings.scopes());
        return new CompiledScopes(PostgresScopeCompiler.compile(scopes), scopes.teams().stream().map(TeamScope::team).toList());
    }

    @EachBean(CellDatabaseSettings.class)
    DriftAudit audit(CellDatabaseSettings cell, AuditSettings settings, CompiledScopes scopes) {
        return new DriftAudit(new PostgresAuditedDatabase(cell.cell(), cell.url(), cell.username(), cell.password(), scopes.sql(),
                scopes.teams(), settings.lockTimeout()), settings.driftMode(), Clock.systemUTC());
    }
}
