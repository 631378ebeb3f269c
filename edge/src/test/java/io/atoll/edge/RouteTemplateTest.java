package io.atoll.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTemplateTest {
    @Test
    void idsInThePathBecomePlaceholders() {
        assertThat(RouteTemplate.of("/v1/devices/3f2b6c1e-9a4d-4f7e-8b1a-0c2d3e4f5a6b/checkins/0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"))
                .isEqualTo("/v1/devices/{id}/checkins/{id}");
        assertThat(RouteTemplate.of("/v1/items/42/retire")).isEqualTo("/v1/items/{id}/retire");
        assertThat(RouteTemplate.of("/v1/uploads/9f86d081884c7d659a2feaa0c55ad015/content")).isEqualTo("/v1/uploads/{id}/content");
    }

    @Test
    void queryAndFragmentAreLeftOut() {
        assertThat(RouteTemplate.of("/v1/sync?cursor=abc&limit=50")).isEqualTo("/v1/sync");
        assertThat(RouteTemplate.of("/v1/orders/17?x=1#top")).isEqualTo("/v1/orders/{id}");
    }

    @Test
    void wordsStayAsTheyAre() {
        String target = "/v1/devices";
        assertThat(RouteTemplate.of(target)).isSameAs(target);
        assertThat(RouteTemplate.of("/oauth/token")).isEqualTo("/oauth/token");
        assertThat(RouteTemplate.of("/v1/face/cafe")).isEqualTo("/v1/face/cafe");
        assertThat(RouteTemplate.of("/")).isEqualTo("/");
        assertThat(RouteTemplate.of("/v1/devices/")).isEqualTo("/v1/devices/");
    }

    @Test
    void targetsNotInOriginFormAreNotLogged() {
        assertThat(RouteTemplate.of("*")).isEqualTo("-");
        assertThat(RouteTemplate.of("http://example.com/v1/orders/1")).isEqualTo("-");
        assertThat(RouteTemplate.of("")).isEqualTo("-");
    }
}
