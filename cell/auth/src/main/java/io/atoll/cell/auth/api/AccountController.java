package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.AccountRequestException;
import io.atoll.cell.auth.domain.AccountService;
import io.atoll.cell.auth.domain.DuplicateAccountException;
import io.atoll.cell.auth.store.Account;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
        Account account;
        try {
            account = accounts.signUp(request.email(), request.password(), clientAddresses.of(http));
        } catch (DuplicateAccountException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "Account exists", e.getMessage());
        } catch (AccountRequestException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid account", e.getMessage());
        }
        return HttpResponse.created(new AccountResponse(account.id().toString(), account.email(),
                        List.copyOf(account.grantedScopes().names()), cellId),
                URI.create(OwnRoutes.SIGN_UP + "/" + account.id()));
    }
}
