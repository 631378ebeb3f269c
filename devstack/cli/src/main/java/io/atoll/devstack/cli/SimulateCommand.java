package io.atoll.devstack.cli;

import io.atoll.devstack.cli.simulate.Fleet;
import io.atoll.devstack.platform.PlatformException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

@Command(name = "simulate", description = "Drives a fleet of mobile devices from several regions through the platform and shows, live, how it answers.")
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
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw new PlatformException("--target must be an http(s) URL, not " + target);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("simulating %d devices from %s against %s for %.1f min%n", devices, String.join(", ", regions), target, minutes);
        out.flush();
        Fleet fleet = new Fleet(target, regions, devices, Duration.ofMillis((long) (interval * 1000)));
        try {
            var total = fleet.run(Duration.ofMillis((long) (minutes * 60_000)), Duration.ofSeconds(1), line -> {
                out.println(line);
                out.flush();
            });
            out.println("done: " + total.line(Duration.ofMillis((long) (minutes * 60_000))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
