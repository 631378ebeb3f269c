package io.atoll.devstack.cli;

import io.atoll.devstack.platform.LocalPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Shows each component, its address, its state and, when Atoll started it, its pid and log.")
final class StatusCommand implements Runnable {
    @Mixin
    PlatformOptions options;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        LocalPlatform platform = options.settings().platform();
        var components = platform.status();
        spec.commandLine().getOut().print(json ? StatusView.json(platform.stateDir(), components) + "\n" : StatusView.table(components));
    }
}
