package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the service issues and checks tokens and where it forwards requests. Every property is
 * documented in the module's README.
 *
 * @param upstreamUrl where the authenticating proxy forwards allowed requests (the cell's app)
 * @param peerJwksUrls the JWKS documents of the other cells, whose tokens this cell accepts
 * @param audience the {@code aud} of every token the platform issues and accepts
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid after it was issued
 * @param clockSkew the allowance for clocks that disagree, applied to {@code exp} and {@code nbf}
 * @param memberScopes the scopes a member account gets at sign-up
 * @param peerJwksMinRefetchInterval the least time between two fetches caused by tokens with an unknown {@code kid}
 * @param verifiedTokenCacheSize how many verified tokens are remembered (0: verify every time)
 * @param ownRequestMaxBytes the largest body accepted by the service's own endpoints
 * @param trustedProxies the addresses of the proxies in front of the ingress (the global router) whose
 *                       {@code X-Forwarded-For} entries name the client; none: the ingress's peer is the client
 */
@ConfigurationProperties("atoll.auth")
public record AuthSettings(
        @NotNull URI upstreamUrl,
        @Bindable(defaultValue = "") List<URI> peerJwksUrls,
        @Bindable(defaultValue = "atoll") @NotBlank String audience,
        @Bindable(defaultValue = "10m") @NotNull Duration accessTokenTtl,
        @Bindable(defaultValue = "30d") @NotNull Duration refreshTokenTtl,
        @Bindable(defaultValue = "30s") @NotNull Duration clockSkew,
        @Bindable(defaultValue = "app") @NotEmpty List<String> memberScopes,
        @Bindable(defaultValue = "10s") @NotNull Duration peerJwksMinRefetchInterval,
        @Bindable(defaultValue = "100000") @Min(0) int verifiedTokenCacheSize,
        @Bindable(defaultValue = "16384") @Min(256) int ownRequestMaxBytes,
        @Bindable(defaultValue = "") List<String> trustedProxies) {

    public AuthSettings {
        peerJwksUrls = peerJwksUrls == null ? List.of() : List.copyOf(peerJwksUrls);
        memberScopes = List.copyOf(memberScopes);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
