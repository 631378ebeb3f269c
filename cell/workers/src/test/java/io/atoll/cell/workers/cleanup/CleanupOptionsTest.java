package io.atoll.cell.workers.cleanup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupOptionsTest {
    private static final Duration CONFIGURED = Duration.ofDays(30);

    @Test
    void withoutArgumentsARunArchivesWithTheConfiguredHotWindowAndPurges() {
        assertThat(CleanupOptions.parse(List.of()).request(CONFIGURED)).isEqualTo(new CleanupRequest(true, true, CONFIGURED));
    }

    @Test
    void olderThanTakesDurationsAsTheConfigurationWritesThem() {
        assertThat(CleanupOptions.parse(List.of("--older-than", "45d")).request(CONFIGURED).hotWindow()).isEqualTo(Duration.ofDays(45));
        assertThat(CleanupOptions.parse(List.of("--older-than=12h")).request(CONFIGURED).hotWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(CleanupOptions.parse(List.of("--older-than", "P2D")).request(CONFIGURED).hotWindow()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void eachOnlyOptionLeavesTheOtherPartOut() {
        assertThat(CleanupOptions.parse(List.of("--purge-only")).request(CONFIGURED)).isEqualTo(new CleanupRequest(false, true, CONFIGURED));
        assertThat(CleanupOptions.parse(List.of("--archive-only", "--older-than", "7d")).request(CONFIGURED))
                .isEqualTo(new CleanupRequest(true, false, Duration.ofDays(7)));
    }

    @Test
    void wrongArgumentsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> CleanupOptions.parse(List.of("--purge-only", "--archive-only"))).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> CleanupOptions.parse(List.of("--older-than"))).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> CleanupOptions.parse(List.of("--older-than", "soon"))).hasMessageContaining("not 'soon'");
        assertThatThrownBy(() -> CleanupOptions.parse(List.of("--older-than", "-1d"))).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> CleanupOptions.parse(List.of("--purge-only", "--older-than", "3d"))).hasMessageContaining("--purge-only skips");
        assertThatThrownBy(() -> CleanupOptions.parse(List.of("--force"))).hasMessageContaining("unknown argument --force");
    }

    @Test
    void aFailureIsReportedOnOneLineWithItsRootCause() {
        RuntimeException failure = new IllegalStateException("could not download s3://atoll-landing/x\n\tmore detail",
                new java.io.UncheckedIOException(new java.io.IOException("Connection refused")));

        assertThat(CleanupCommand.oneLine(failure)).isEqualTo("could not download s3://atoll-landing/x: Connection refused");
        assertThat(CleanupCommand.oneLine(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
