package io.atoll.cell.workers.storage;

import io.atoll.cell.contracts.servicetoken.ClientCredentials;
import io.atoll.cell.contracts.servicetoken.OAuthTokenEndpoint;
import io.atoll.cell.contracts.servicetoken.ServiceTokens;
import io.atoll.cell.workers.config.StorageSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The workers' service token for storage, from the cell auth's token endpoint with the workers' client credentials. */
@Factory
final class ServiceTokenFactory {
    @Singleton
    ServiceTokens serviceTokens(StorageSettings settings, ObjectMapper json, Clock clock) {
        ClientCredentials client = new ClientCredentials(settings.tokenUrl(), settings.clientId(), settings.clientSecret(), settings.scope());
        return new ServiceTokens(new OAuthTokenEndpoint(client, settings.connectTimeout(), settings.requestTimeout(), json),
                settings.tokenRenewal(), clock);
    }
}
