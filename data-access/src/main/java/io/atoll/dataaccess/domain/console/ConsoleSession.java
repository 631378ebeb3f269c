package io.atoll.dataaccess.domain.console;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A person signed in to the console: the credentials every one of their actions opens the cell's database with, kept
 * in the service's memory only, and the token each of their forms carries.
 *
 * @param id the random id the browser's cookie holds
 * @param cell the cell whose core database they signed in to
 * @param login their own database login
 * @param password its password
 * @param team the team role their login is a member of; empty where it is of none
 * @param csrfToken the token every form of theirs must send back
 * @param lastSeen when they last asked for anything
 */
public record ConsoleSession(String id, String cell, String login, String password, Optional<String> team, String csrfToken,
                             Instant lastSeen) {
    public ConsoleSession {
        requireNonNull(id, "id is null");
        requireNonNull(cell, "cell is null");
        requireNonNull(login, "login is null");
        requireNonNull(password, "password is null");
        requireNonNull(team, "team is null");
        requireNonNull(csrfToken, "csrfToken is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }

    ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(id, cell, login, password, team, csrfToken, now);
    }

    /** Never the password: a session may end up in a log line. */
    @Override
    public String toString() {
        return "ConsoleSession[cell=" + cell + ", login=" + login + ", team=" + team.orElse("none") + "]";
    }
}
