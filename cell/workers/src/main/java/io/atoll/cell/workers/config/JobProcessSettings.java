package io.atoll.cell.workers.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the process runner (the default runner, {@code atoll.workers.runner=process}) starts a job: {@code <java>
 * -Xmx<max-heap> -jar <jar> <kind>} in the attempt's folder, the spec on its standard input.
 *
 * @param jar the job programs' JAR (cell/jobs)
 * @param java the java launcher the programs run with
 * @param maxHeap the programs' heap limit, as {@code -Xmx} takes it
 * @param command for tests: a command that replaces {@code <java> -Xmx... -jar <jar>}; the job's kind is still
 *     appended. Empty (the default) runs the JAR.
 * @param stdoutLimit bytes of a program's standard output kept; a result larger than this is a failed attempt
 * @param killGrace how long a stopped program and everything it started get to end before they are killed outright
 */
@ConfigurationProperties("atoll.workers.jobs")
public record JobProcessSettings(
        @NotNull Path jar,
        @NotBlank String java,
        @NotBlank String maxHeap,
        @Nullable List<String> command,
        @Min(1024) int stdoutLimit,
        @NotNull Duration killGrace) {
    public JobProcessSettings {
        command = command == null ? List.of() : List.copyOf(command);
    }
}
