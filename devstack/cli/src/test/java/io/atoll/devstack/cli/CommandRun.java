package io.atoll.devstack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in this JVM as {@code ./atoll} runs it: its exit code and what it printed on each stream. */
record CommandRun(int exit, String out, String err) {
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AtollCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
