package io.atoll.cell.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atoll.cell.auth.domain.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * What token introspection (RFC 7662 section 2.2) tells of a token: only {@code active: false} for one that is not
 * to be believed, whatever the reason, so that a caller learns nothing about tokens it should not hold.
 *
 * @param homeCell the cell the account lives in, a claim of Atoll's tokens beside the registered ones
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntrospectionResponse(boolean active, @Nullable String scope, @Nullable String tokenType, @Nullable String sub,
                                    @Nullable Long exp, @Nullable Long nbf, @Nullable String iss, @Nullable String jti,
                                    @Nullable String homeCell) {
    static final IntrospectionResponse INACTIVE = new IntrospectionResponse(false, null, null, null, null, null, null, null, null);

    static IntrospectionResponse of(VerifiedToken token) {
        return new IntrospectionResponse(true, token.scopes().toString(), "Bearer", token.subject(), token.expiresAt().getEpochSecond(),
                token.notBefore().getEpochSecond(), token.issuer(), token.jti(), token.homeCell());
    }
}
