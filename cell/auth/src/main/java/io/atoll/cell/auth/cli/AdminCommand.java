package io.atoll.cell.auth.cli;

import io.atoll.cell.auth.config.AdminEnvironment;
import io.atoll.cell.auth.domain.Account;
import io.atoll.cell.auth.domain.AccountRequestException;
import io.atoll.cell.auth.domain.AccountService;
import io.atoll.cell.auth.domain.AccountStore;
import io.atoll.cell.auth.domain.AccountType;
import io.atoll.cell.auth.domain.CreatedAccount;
import io.atoll.cell.auth.domain.KeyRotation;
import io.atoll.cell.auth.domain.Scopes;
import io.atoll.cell.auth.domain.SecretHasher;
import io.atoll.cell.auth.domain.SigningKeyService;
import io.atoll.cell.auth.domain.StoredSigningKey;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The operator's commands, run against the cell's database with the service's own configuration but
 * without its HTTP server: {@code accounts create}, {@code accounts ensure-service}, {@code keys rotate},
 * {@code keys list}. Each prints
 * one line per result; bad input prints one line on stderr and exits non-zero.
 */
@Command(name = "atoll-auth", subcommands = {AdminCommand.Accounts.class, AdminCommand.Keys.class})
public final class AdminCommand {
    private static final Set<String> COMMANDS = Set.of("accounts", "keys");

    private AdminCommand() {
    }

    public static boolean isCommand(String firstArgument) {
        return COMMANDS.contains(firstArgument);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Map.of(), out, err);
    }

    /** Runs a command; {@code properties} add to the configuration (tests point it at their database). */
    public static int run(String[] args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        Session session = new Session(properties, out);
        CommandLine commandLine = new CommandLine(new AdminCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == Accounts.Create.class) {
                    return type.cast(new Accounts.Create(session));
                }
                if (type == Accounts.EnsureService.class) {
                    return type.cast(new Accounts.EnsureService(session));
                }
                if (type == Keys.Rotate.class) {
                    return type.cast(new Keys.Rotate(session));
                }
                if (type == Keys.ListKeys.class) {
                    return type.cast(new Keys.ListKeys(session));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            err.println("error: " + e.getMessage());
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, ignored, parsed) -> {
            err.println("error: " + (e instanceof AccountRequestException || e instanceof IllegalArgumentException
                    ? e.getMessage() : "the command failed: " + e));
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Starts the application context on first use and closes it when the command ends. */
    static final class Session {
        private final Map<String, Object> properties;
        private final PrintStream out;

        Session(Map<String, Object> properties, PrintStream out) {
            this.properties = Map.copyOf(properties);
            this.out = out;
        }

        <T> T withContext(Function<ApplicationContext, T> action) {
            try (ApplicationContext context = ApplicationContext.builder()
                    .environments(AdminEnvironment.NAME)
                    .properties(properties)
                    .start()) {
                return action.apply(context);
            }
        }

        void print(String line) {
            out.println(line);
        }
    }

    @Command(name = "accounts", description = "Manage accounts", subcommands = {Accounts.Create.class, Accounts.EnsureService.class})
    static final class Accounts {
        @Command(name = "create", description = "Create a member, service or operator account")
        static final class Create implements Callable<Integer> {
            private final Session session;

            @Option(names = "--type", required = true, description = "member, service or operator")
            String type;

            @Option(names = "--email", description = "the e-mail address (member, operator)")
            String email;

            @Option(names = "--client-id", description = "the client id (service)")
            String clientId;

            @Option(names = "--password", description = "the password (member, operator)")
            String password;

            @Option(names = "--scopes", description = "space-separated scopes; default: the type's own")
            String scopes;

            Create(Session session) {
                this.session = session;
            }

            @Override
            public Integer call() {
                AccountType accountType;
                try {
                    accountType = AccountType.valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new AccountRequestException("--type must be member, service or operator");
                }
                String principal = accountType == AccountType.SERVICE ? clientId : email;
                if (principal == null) {
                    throw new AccountRequestException(accountType == AccountType.SERVICE
                            ? "a service account needs --client-id" : "a " + type + " account needs --email");
                }
                if (accountType != AccountType.SERVICE && password == null) {
                    throw new AccountRequestException("a " + type + " account needs --password");
                }
                if (accountType == AccountType.SERVICE && password != null) {
                    throw new AccountRequestException("a service account's secret is generated; leave out --password");
                }
                Scopes requested = scopes == null ? null : Scopes.parse(scopes);
                CreatedAccount created = session.withContext(context -> context.getBean(AccountService.class)
                        .create(accountType, principal, password, requested, "admin-command"));
                session.print("created " + type.toLowerCase(Locale.ROOT) + " account " + created.account().id()
                        + " " + (accountType == AccountType.SERVICE ? "client_id=" : "email=") + created.account().principal()
                        + " scopes=\"" + created.account().scopes() + "\""
                        + (created.generatedSecret() == null ? "" : " client_secret=" + created.generatedSecret()));
                return 0;
            }
        }

        /**
         * Makes a service account exist with the given scopes and the secret kept in a file, so that a deployment
         * can run it at every start: the file holds the secret across restarts (it is made, readable by its owner
         * only, when missing), and the account follows the file, also after either was lost.
         */
        @Command(name = "ensure-service", description = "Create or update a service account whose secret is kept in a file")
        static final class EnsureService implements Callable<Integer> {
            /** What a chosen secret must at least have; generated ones have 43 characters. */
            private static final int MIN_SECRET_LENGTH = 32;

            private final Session session;

            @Option(names = "--client-id", required = true, description = "the client id")
            String clientId;

            @Option(names = "--scopes", required = true, description = "space-separated scopes the account has afterwards")
            String scopes;

            @Option(names = "--secret-file", required = true, description = "the file holding the client secret; made when missing")
            Path secretFile;

            EnsureService(Session session) {
                this.session = session;
            }

            @Override
            public Integer call() throws IOException {
                Scopes requested = Scopes.parse(scopes);
                if (requested.isEmpty()) {
                    throw new AccountRequestException("a service client needs at least one scope");
                }
                String secret = readOrCreateSecret(secretFile);
                String outcome = session.withContext(context -> ensure(context, clientId.trim(), requested, secret));
                session.print(outcome + " client_id=" + clientId.trim() + " scopes=\"" + requested + "\" (secret in " + secretFile + ")");
                return 0;
            }

            private static String ensure(ApplicationContext context, String clientId, Scopes requested, String secret) {
                AccountStore accounts = context.getBean(AccountStore.class);
                SecretHasher hasher = context.getBean(SecretHasher.class);
                Optional<Account> existing = accounts.findByClientId(clientId);
                Account account;
                String outcome;
                if (existing.isEmpty()) {
                    // Created the usual way (checks, audit), then given the file's secret in place of the generated one.
                    account = context.getBean(AccountService.class)
                            .create(AccountType.SERVICE, clientId, null, requested, "admin-command").account();
                    outcome = "created service account ";
                } else if (existing.get().scopes().equals(requested) && hasher.matches(secret, existing.get().secretHash())) {
                    return "unchanged service account " + existing.get().id();
                } else {
                    account = existing.get();
                    outcome = "updated service account ";
                }
                accounts.updateSecret(account.id(), hasher.hash(secret), requested);
                return outcome + account.id();
            }

            private static String readOrCreateSecret(Path file) throws IOException {
                if (Files.exists(file)) {
                    String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (secret.length() < MIN_SECRET_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
                        throw new AccountRequestException(file + " must hold one secret of at least " + MIN_SECRET_LENGTH
                                + " characters without spaces");
                    }
                    return secret;
                }
                String secret = SecretHasher.newSecret();
                Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
                // Written in full, owner-only from the start, then moved into place: never a half or readable secret.
                Path next = Files.createTempFile(folder, ".secret", ".next", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(next, secret + "\n", StandardCharsets.UTF_8);
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
                return secret;
            }
        }
    }

    @Command(name = "keys", description = "Manage the cell's signing keys", subcommands = {Keys.Rotate.class, Keys.ListKeys.class})
    static final class Keys {
        @Command(name = "rotate", description = "Promote the next key to active, retire the active one, make a new next key")
        static final class Rotate implements Callable<Integer> {
            private final Session session;

            Rotate(Session session) {
                this.session = session;
            }

            @Override
            public Integer call() {
                KeyRotation rotation = session.withContext(context -> context.getBean(SigningKeyService.class).rotate());
                session.print("rotated: active=" + rotation.active().kid() + " next=" + rotation.next().kid()
                        + " retired=" + rotation.retired().kid() + " (published until " + rotation.retired().publishUntil() + ")");
                return 0;
            }
        }

        @Command(name = "list", description = "List the signing keys, one per line")
        static final class ListKeys implements Callable<Integer> {
            private final Session session;

            ListKeys(Session session) {
                this.session = session;
            }

            @Override
            public Integer call() {
                List<StoredSigningKey> keys = session.withContext(context -> {
                    SigningKeyService service = context.getBean(SigningKeyService.class);
                    service.ensureKeys();
                    return service.list();
                });
                keys.forEach(key -> session.print(key.kid() + " " + key.status() + " created=" + key.createdAt()
                        + (key.publishUntil() == null ? "" : " published_until=" + key.publishUntil())));
                return 0;
            }
        }
    }
}
