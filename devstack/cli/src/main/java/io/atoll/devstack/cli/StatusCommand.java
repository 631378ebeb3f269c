package io.atoll.devstack.cli;

import io.atoll.devstack.platform.ComponentState;
import io.atoll.devstack.platform.ComponentStatus;
import io.atoll.devstack.platform.LocalPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "status",
        description = "Shows each component, its address, its state and, when Atoll started it, its pid and log. "
                + "Exits 0 when every component is ready, else " + StatusCommand.NOT_READY + ", naming those that are not.")
final class StatusCommand implements Callable<Integer> {
    /** The exit code when the command worked and some component is not ready: apart from errors (1) and bad usage (2). */
    static final int NOT_READY = 3;
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    /** Moves the cursor home and clears the screen, so that each refresh replaces the last. */
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Mixin
    StateDirOption state;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Option(names = "--watch", description = "Refresh every 2 seconds until Ctrl-C.")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LocalPlatform platform = state.settings().platform();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!watch) {
            return show(platform, out, err);
        }
        boolean terminal = System.console() != null;
        while (true) {
            if (terminal) {
                out.print(CLEAR_SCREEN);
            }
            out.println("atoll status, every " + WATCH_EVERY.toSeconds() + " s until Ctrl-C: " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
            show(platform, out, out);
            out.flush();
            Thread.sleep(WATCH_EVERY.toMillis());
        }
    }

    private int show(LocalPlatform platform, PrintWriter out, PrintWriter problems) {
        List<ComponentStatus> components = platform.status();
        out.print(json ? StatusView.json(platform.stateDir(), components) + "\n" : StatusView.table(components));
        String notReady = components.stream().filter(component -> component.state() != ComponentState.READY)
                .map(StatusView::problem).collect(Collectors.joining(", "));
        if (notReady.isEmpty()) {
            return 0;
        }
        problems.println("atoll: not ready: " + notReady);
        return NOT_READY;
    }
}
