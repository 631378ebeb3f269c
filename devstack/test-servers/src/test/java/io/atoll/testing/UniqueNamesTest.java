package io.atoll.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueNamesTest {
    @Test
    void namesAreValidIdentifiersEverywhereAndNeverRepeat() {
        assertThat(UniqueNames.of("Order Service!")).matches("order_service_[0-9a-f]{12}");
        assertThat(UniqueNames.of("42-checkins")).matches("t_42_checkins_[0-9a-f]{12}");
        assertThat(UniqueNames.of("x".repeat(80))).hasSizeLessThanOrEqualTo(48);
        assertThat(UniqueNames.of("app")).isNotEqualTo(UniqueNames.of("app"));
    }
}
