package io.atoll.cell.jobs.control;

import io.atoll.cell.jobs.InvalidJobInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.atoll.cell.jobs.support.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SleepJobTest {
    private final SleepJob job = new SleepJob();

    @Test
    void sleepsAsLongAsAskedAndSaysSo() throws Exception {
        long started = System.nanoTime();

        SleepJob.Slept slept = job.run(spec("seconds", 0.25));

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(250_000_000L);
        assertThat(slept.slept()).isEqualByComparingTo(new BigDecimal("0.25"));
    }

    @Test
    void refusesNegativeAndEndlessSleeps() {
        for (Object seconds : new Object[]{-1, 1801, "5"}) {
            assertThatThrownBy(() -> job.run(spec("seconds", seconds))).isInstanceOf(InvalidJobInputException.class);
        }
    }
}
