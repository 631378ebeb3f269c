package io.atoll.devstack.cli;

import io.atoll.devstack.platform.ComponentState;
import io.atoll.devstack.platform.ComponentStatus;
import io.atoll.devstack.platform.LocalPlatform;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Command(name = "up", description = "Makes the platform's servers and services available, starting those that are not running, "
        + "and prints every address. Records its settings in the state folder for the other commands.")
final class UpCommand implements Runnable {
    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PlatformSettings settings = options.settings();
        PlatformOptions.record(settings.stateDir(), spec.mixins().get("options"));
        LocalPlatform platform = settings.platform();
        int components = settings.stages().stream().mapToInt(List::size).sum();
        out.println("atoll up: " + components + " components, state in " + platform.stateDir());
        UpProgress progress = new UpProgress(out, components, System::nanoTime);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "up-progress");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        List<ComponentStatus> statuses;
        try {
            ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
            statuses = platform.up(progress);
        } finally {
            ticker.shutdownNow();
        }
        out.print(Addresses.table(statuses, settings));
        List<String> notReady = statuses.stream().filter(c -> c.state() != ComponentState.READY).map(StatusView::problem).toList();
        if (!notReady.isEmpty()) {
            throw new PlatformException("not ready: " + String.join(", ", notReady) + " (see atoll status)");
        }
        out.printf("ready in %.1f s%n", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    }
}
