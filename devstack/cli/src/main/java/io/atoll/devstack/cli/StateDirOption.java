package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The state folder alone, for the commands that act on a platform `up` started: the rest of its settings are
 * the ones `up` recorded there.
 */
final class StateDirOption {
    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:ATOLL_STATE_DIR:-.atoll}",
            description = "The platform's state folder, where `up` recorded its settings (env ATOLL_STATE_DIR; default: ${DEFAULT-VALUE}).")
    Path stateDir;

    Path path() {
        return stateDir.toAbsolutePath().normalize();
    }

    /** The settings of the last `up` in this folder; the defaults (and environment) when none ran here. */
    PlatformSettings settings() {
        return PlatformOptions.recorded(path()).settings();
    }
}
