package io.atoll.devstack.cli;

import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.server.rabbitmq.RabbitServer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

@Command(name = "dlq",
        description = "The dead letters of a cell's workers: dlq list, dlq show --queue Q, dlq replay --queue Q. Each has its own --help.",
        subcommands = {DlqCommand.ListQueues.class, DlqCommand.ShowLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "dlq needs an action: list, show or replay");
    }

    /** The broker and vhost of the chosen cell. */
    static final class Target {
        @Mixin
        StateDirOption state;

        @Mixin
        CellOption cell;

        DeadLetters connect() {
            PlatformSettings settings = state.settings();
            CellServices chosen = CellAdmin.cell(settings, cell.region);
            RabbitServer broker = settings.rabbitServer();
            return DeadLetters.connect(broker.endpoint(), broker.user(), broker.password(), chosen.vhost());
        }
    }

    /** One of the workers' queues, by name. */
    static final class QueueOption {
        @Option(names = "--queue", required = true, paramLabel = "QUEUE",
                description = "The workers queue whose dead letters to act on: workers.job-requests, workers.jobs or workers.notifications.")
        String queue;

        String validated(CommandSpec spec) {
            if (!DeadLetters.QUEUES.contains(queue)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--queue takes " + String.join(", ", DeadLetters.QUEUES)
                        + ", not '" + queue + "'");
            }
            return queue;
        }
    }

    @Command(name = "list", description = "Lists the workers queues: the messages waiting in each and in its dead-letter queue.")
    static final class ListQueues implements Runnable {
        @Mixin
        Target target;

        @Option(names = "--json", description = "Print JSON for programs.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (DeadLetters deadLetters = target.connect()) {
                List<DeadLetters.Depth> depths = deadLetters.depths();
                spec.commandLine().getOut().print(json ? DeadLetterView.depthsJson(depths) : DeadLetterView.depths(depths));
            }
        }
    }

    @Command(name = "show", description = "Shows a queue's dead letters, first first, and leaves them where they are: message id, "
            + "why, how often and when it died, where it had been sent, its headers and the first 2 KiB of its body.")
    static final class ShowLetters implements Runnable {
        @Mixin
        Target target;

        @Mixin
        QueueOption queue;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print JSON for programs.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            String name = queue.validated(spec);
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
            }
            try (DeadLetters deadLetters = target.connect()) {
                List<DeadLetter> letters = deadLetters.peek(name, limit);
                spec.commandLine().getOut().print(json ? DeadLetterView.lettersJson(letters) : DeadLetterView.letters(name, letters));
            }
        }
    }

    @Command(name = "replay", description = "Sends dead letters back to their queue as they were (message id, headers, body), with "
            + "their attempts counted afresh; each leaves the dead-letter queue only once the broker has confirmed its copy.")
    static final class Replay implements Runnable {
        @Mixin
        Target target;

        @Mixin
        QueueOption queue;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--message-id", required = true, paramLabel = "ID", description = "The dead letter with this message id.")
            String messageId;

            @Option(names = "--all", required = true, description = "Every dead letter waiting now.")
            boolean all;
        }

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            String name = queue.validated(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetters deadLetters = target.connect()) {
                int replayed = deadLetters.replay(name, Optional.ofNullable(which.messageId), letter -> {
                    out.println(DeadLetterView.replayed(name, letter));
                    out.flush();
                });
                out.println("replayed " + replayed + (replayed == 1 ? " dead letter" : " dead letters") + " from "
                        + DeadLetters.deadLetterQueue(name) + " to " + name);
            }
        }
    }
}
