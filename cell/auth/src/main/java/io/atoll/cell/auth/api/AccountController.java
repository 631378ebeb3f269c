package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.Account;
import io.atoll.cell.auth.domain.AccountService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

/** Member sign-up. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {
    private final AccountService accounts;
    private final ClientAddresses clientAddresses;
    private final String cellId;

    AccountController(AccountService accounts, ClientAddresses clientAddresses, @Named("cellId") String cellId) {
        this.accounts = accounts;
        this.clientAddresses = clientAddresses;
        this.cellId = cellId;
    }

    @Post(OwnRoutes.SIGN_UP)
    HttpResponse<AccountResponse> signUp(@Body @Valid SignUpRequest request, HttpRequest<?> http) {
        Account account = accounts.signUp(request.email(), request.password(), clientAddresses.of(http));
        return HttpResponse.created(new AccountResponse(account.id().toString(), account.email(),
                        List.copyOf(account.scopes().names()), cellId),
                URI.create(OwnRoutes.SIGN_UP + "/" + account.id()));
    }
}
