package io.atoll.devstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

@Command(name = "down", description = "Stops what `up` started, and nothing else.")
final class DownCommand implements Runnable {
    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        options.settings().platform().down((component, message) -> out.printf("[%s] %s%n", component, message));
        out.println("down");
    }
}
