package io.atoll.cell.auth.support;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs members up and in through the public endpoints. */
public final class Members {
    public static final String PASSWORD = "correct horse battery staple";

    private Members() {
    }

    /** Signs a member up and in; answers the token response. */
    public static Map<String, Object> signUpAndIn(AuthCell cell, String email) {
        HttpResponse<String> signUp = Http.postJson(cell.uri("/v1/accounts"),
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        return signIn(cell, email, PASSWORD);
    }

    public static Map<String, Object> signIn(AuthCell cell, String email, String password) {
        HttpResponse<String> token = Http.postForm(cell.uri("/oauth/token"), "grant_type", "password", "username", email, "password", password);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return Http.json(token);
    }
}
