package io.atoll.cell.auth;

import io.atoll.cell.auth.domain.AuditEventType;
import io.atoll.cell.auth.store.AuditEvent;
import io.atoll.cell.auth.store.AuditEventRepository;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins lock the account, then the address; the audit log tells the story. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleIT {
    private AuthCell cell;

    @BeforeAll
    void start() {
        cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of(
                "atoll.auth.login-throttle.account-max-failures", 3,
                "atoll.auth.login-throttle.address-max-failures", 8,
                "atoll.auth.login-throttle.window", "10m",
                "atoll.auth.login-throttle.lockout", "15m",
                // The test's own address stands for the global router: requests that name a client behind it in
                // X-Forwarded-For count against that client.
                "atoll.auth.trusted-proxies", "127.0.0.1"));
    }

    @AfterAll
    void stop() {
        cell.close();
    }

    private HttpResponse<String> signIn(String email, String password) {
        return Http.postForm(cell.uri("/oauth/token"), "grant_type", "password", "username", email, "password", password);
    }

    private HttpResponse<String> signInBehindTheRouter(String client, String email, String password) {
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return Http.send(HttpRequest.newBuilder(cell.uri("/oauth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    @Test
    void theAccountLocksAfterTooManyWrongPasswords() {
        Members.signUpAndIn(cell, "target@example.com");
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> wrong = signIn("target@example.com", "wrong password " + attempt);
            assertThat(wrong.statusCode()).as("attempt " + attempt).isEqualTo(400);
            assertThat(Http.json(wrong)).containsEntry("error", "invalid_grant");
        }
        HttpResponse<String> fourth = signIn("target@example.com", "wrong password 4");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L + 1));
        assertThat(signIn("target@example.com", Members.PASSWORD).statusCode()).as("right password while locked").isEqualTo(429);

        AuditEventRepository audit = cell.bean(AuditEventRepository.class);
        assertThat(audit.findByPrincipalOrderById("target@example.com")).extracting(AuditEvent::type).containsSubsequence(
                AuditEventType.LOGIN_OK, AuditEventType.LOGIN_FAILED, AuditEventType.LOGIN_FAILED, AuditEventType.LOGIN_FAILED,
                AuditEventType.LOCKOUT, AuditEventType.LOGIN_THROTTLED, AuditEventType.LOGIN_THROTTLED);

        cell.clock().advance(Duration.ofMinutes(16));
        assertThat(signIn("target@example.com", Members.PASSWORD).statusCode()).as("after the lockout").isEqualTo(200);
    }

    @Test
    void anAddressGuessingManyAccountsIsLockedToo() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(signIn("guess" + attempt + "@example.com", "wrong password").statusCode()).isEqualTo(400);
        }
        HttpResponse<String> refused = signIn("guess9@example.com", "wrong password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(cell.bean(AuditEventRepository.class).findByTypeOrderById(AuditEventType.LOCKOUT))
                .anySatisfy(event -> assertThat(event.detail()).isEqualTo("address locked"));
        cell.clock().advance(Duration.ofMinutes(16));
    }

    @Test
    void behindATrustedProxyEachClientIsLockedAloneNotTheProxy() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(signInBehindTheRouter("203.0.113.7", "stuffed" + attempt + "@example.com", "wrong password").statusCode()).isEqualTo(400);
        }

        assertThat(signInBehindTheRouter("203.0.113.7", "stuffed9@example.com", "wrong password").statusCode())
                .as("the guessing client").isEqualTo(429);
        assertThat(signInBehindTheRouter("198.51.100.20", "stuffed9@example.com", "wrong password").statusCode())
                .as("another client behind the same router").isEqualTo(400);
        assertThat(cell.bean(AuditEventRepository.class).findByTypeOrderById(AuditEventType.LOCKOUT))
                .anySatisfy(event -> assertThat(event.clientAddress()).isEqualTo("203.0.113.7"));
        cell.clock().advance(Duration.ofMinutes(16));
    }
}
