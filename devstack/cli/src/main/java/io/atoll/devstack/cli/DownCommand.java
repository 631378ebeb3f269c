package io.atoll.devstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

@Command(name = "down", description = "Stops what `up` started, and nothing else, with the settings `up` recorded in the state folder.")
final class DownCommand implements Runnable {
    @Mixin
    StateDirOption state;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        state.settings().platform().down((component, message) -> out.printf("[%s] %s%n", component, message));
        out.println("down");
    }
}
