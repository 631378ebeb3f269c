package io.atoll.devstack.cli;

import io.atoll.devstack.cli.simulate.Fleet;
import io.atoll.devstack.cli.simulate.RunSummary;
import io.atoll.devstack.platform.PlatformException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

@Command(name = "simulate", description = "Drives a fleet of mobile devices from several regions through the platform and shows, live, how it answers; "
        + "exits non-zero when more than --max-failed-percent of the calls failed.")
final class SimulateCommand implements Runnable {
    @Option(names = "--target", paramLabel = "URL", defaultValue = "${env:ATOLL_SIMULATE_TARGET:-http://127.0.0.1:8080}",
            description = "Where the mobile app connects: the global router, or one cell's ingress (default: ${DEFAULT-VALUE}).")
    URI target;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "20", description = "Devices, one member each (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "1", description = "How long to run, in minutes; fractions allowed (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between a device's check-ins, give or take a fifth (the app's 5 minutes, sped up; default: ${DEFAULT-VALUE}).")
    double interval;

    @Option(names = "--regions", paramLabel = "R1,R2", split = ",", defaultValue = "eu-west-1,us-east-1",
            description = "Client regions the devices are spread over, sent as X-Client-Region (default: ${DEFAULT-VALUE}).")
    List<String> regions;

    @Option(names = "--max-failed-percent", paramLabel = "P", defaultValue = "1",
            description = "Exit non-zero when more than this share of the calls failed (default: ${DEFAULT-VALUE}).")
    double maxFailedPercent;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "10",
            description = "The summary's window length; a window also ends wherever a cell vanishes from or returns to the answers, "
                    + "or the router's view of the cells changes (default: ${DEFAULT-VALUE}).")
    double window;

    @Mixin
    RouterAdminOptions router;

    @Mixin
    StateDirOption state;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (devices < 1 || devices > 10_000) {
            throw new PlatformException("--devices must be from 1 to 10000, not " + devices);
        }
        if (minutes <= 0 || minutes > 24 * 60) {
            throw new PlatformException("--minutes must be more than 0 and at most a day, not " + minutes);
        }
        if (interval < 0.1) {
            throw new PlatformException("--interval must be at least 0.1 seconds, not " + interval);
        }
        if (window < 1) {
            throw new PlatformException("--window must be at least 1 second, not " + window);
        }
        if (maxFailedPercent < 0 || maxFailedPercent > 100) {
            throw new PlatformException("--max-failed-percent must be from 0 to 100, not " + maxFailedPercent);
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw new PlatformException("--target must be an http(s) URL, not " + target);
        }
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> print = line -> {
            out.println(line);
            out.flush();
        };
        print.accept(String.format("simulating %d devices from %s against %s for %.1f min", devices, String.join(", ", regions), target, minutes));
        List<String> notes = new ArrayList<>();
        Optional<RouterWatch> watch = RouterWatch.start(() -> router.client(state.path()), notes);
        notes.forEach(print);
        Fleet fleet = new Fleet(target, regions, devices, Duration.ofMillis((long) (interval * 1000)));
        Fleet.Run run;
        try {
            run = fleet.run(Duration.ofMillis((long) (minutes * 60_000)), Duration.ofMillis((long) (window * 1000)),
                    watch.<Supplier<List<String>>>map(w -> w).orElse(List::of), print);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        } finally {
            watch.ifPresent(RouterWatch::close);
        }
        out.print(RunSummary.of(run));
        out.flush();
        if (RunSummary.failed(run, maxFailedPercent)) {
            throw new PlatformException(run.total().sent() == 0 ? "no call was made; run longer than --interval"
                    : String.format("%.2f%% of the calls failed, more than --max-failed-percent %s", run.total().failedShare() * 100,
                    BigDecimal.valueOf(maxFailedPercent).stripTrailingZeros().toPlainString()));
        }
    }
}
