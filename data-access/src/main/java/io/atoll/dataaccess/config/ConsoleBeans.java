package io.atoll.dataaccess.config;

import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TeamScope;
import io.atoll.dataaccess.domain.console.ConsoleSessions;
import io.atoll.dataaccess.store.TeamConsoleStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The team console: the configured cells' databases people sign in to, and the teams of the definition. */
@Factory
final class ConsoleBeans {
    @Singleton
    ConsoleSessions consoleSessions() {
        return new ConsoleSessions(Clock.systemUTC(), ConsoleSessions.IDLE);
    }

    @Singleton
    TeamConsoleStore teamConsoleStore(List<CellDatabaseSettings> cells, AuditSettings settings) {
        Map<String, String> urls = new TreeMap<>();
        cells.forEach(cell -> urls.put(cell.cell(), cell.url()));
        return new TeamConsoleStore(urls, Scopes.load(settings.scopes()).teams().stream().map(TeamScope::team).toList());
    }
}
