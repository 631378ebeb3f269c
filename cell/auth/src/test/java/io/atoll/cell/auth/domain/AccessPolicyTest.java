package io.atoll.cell.auth.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {
    private final PolicyRule publicFeed = new PolicyRule(Set.of("get"), new PathPattern("/v1/public/*"), Scopes.NONE, true);
    private final PolicyRule orders = new PolicyRule(Set.of("POST"), new PathPattern("/v1/orders/**"), Scopes.parse("app orders"), false);
    private final PolicyRule app = new PolicyRule(Set.of(), new PathPattern("/v1/**"), Scopes.parse("app"), false);
    private final AccessPolicy policy = new AccessPolicy(List.of(publicFeed, orders, app));

    @Test
    void theFirstCoveringRuleDecides() {
        assertThat(policy.ruleFor("GET", "/v1/public/news?page=2")).contains(publicFeed);
        assertThat(policy.ruleFor("POST", "/v1/public/news")).contains(app);
        assertThat(policy.ruleFor("post", "/v1/orders/42/items")).contains(orders);
        assertThat(policy.ruleFor("GET", "/v1/orders/42")).contains(app);
        assertThat(policy.ruleFor("DELETE", "/v1")).contains(app);
    }

    @Test
    void singleStarsStayWithinASegment() {
        assertThat(policy.ruleFor("GET", "/v1/public/news/archive")).contains(app);
    }

    @Test
    void uncoveredAndAmbiguousPathsMatchNothing() {
        assertThat(policy.ruleFor("GET", "/v2/feed")).isEmpty();
        assertThat(policy.ruleFor("GET", "/v1x")).isEmpty();
        assertThat(policy.ruleFor("GET", "/v1/../admin")).isEmpty();
        assertThat(policy.ruleFor("GET", "/v1/%2E%2E/admin")).isEmpty();
        assertThat(policy.ruleFor("GET", "/v1//feed")).isEmpty();
        assertThat(policy.ruleFor("GET", "/v1/a%2fb")).isEmpty();
        assertThat(policy.ruleFor("GET", "v1/feed")).isEmpty();
    }
}
