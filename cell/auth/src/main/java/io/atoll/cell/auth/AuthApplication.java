package io.atoll.cell.auth;

import io.atoll.cell.auth.cli.AdminCommand;
import io.micronaut.runtime.Micronaut;

/** Starts the auth service, or runs an admin command when the first argument names one. */
public final class AuthApplication {
    private AuthApplication() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && AdminCommand.isCommand(args[0])) {
            // Set before any logger exists: the admin commands' output is one line, not the service's log.
            System.setProperty("ATOLL_LOG_LEVEL", System.getProperty("ATOLL_LOG_LEVEL", "WARN"));
            System.exit(AdminCommand.run(args, System.out, System.err));
        }
        // No banner: every line on stdout is a JSON log record.
        Micronaut.build(args).mainClass(AuthApplication.class).banner(false).start();
    }
}
