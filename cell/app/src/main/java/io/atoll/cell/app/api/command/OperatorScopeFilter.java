package io.atoll.cell.app.api.command;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.contracts.AccessTokenClaims;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** The operator API needs the operator scope: checked before anything of the request is looked at. */
@ServerFilter("/v1/operator/**")
final class OperatorScopeFilter {
    @RequestFilter
    void requireOperatorScope(HttpRequest<?> request) {
        Caller.from(request.getHeaders()).requireScope(AccessTokenClaims.OPERATOR_SCOPE);
    }
}
