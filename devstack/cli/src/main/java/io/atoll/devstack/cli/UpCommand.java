package io.atoll.devstack.cli;

import io.atoll.devstack.platform.ComponentState;
import io.atoll.devstack.platform.ComponentStatus;
import io.atoll.devstack.platform.LocalPlatform;
import io.atoll.devstack.platform.PlatformException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

@Command(name = "up", description = "Makes the platform's servers available, starting those that are not running.")
final class UpCommand implements Runnable {
    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        LocalPlatform platform = options.settings().platform();
        long started = System.nanoTime();
        out.println("atoll up: state in " + platform.stateDir());
        List<ComponentStatus> components = platform.up((component, message) -> {
            synchronized (out) {
                out.printf("[%s] %s%n", component, message);
                out.flush();
            }
        });
        out.print(StatusView.table(components));
        List<String> notReady = components.stream().filter(c -> c.state() != ComponentState.READY).map(ComponentStatus::name).toList();
        if (!notReady.isEmpty()) {
            throw new PlatformException("not ready: " + String.join(", ", notReady) + " (see atoll status)");
        }
        out.printf("ready in %.1f s%n", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    }
}
