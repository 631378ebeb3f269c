package io.atoll.devstack.server.trino;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Who may log in to the Trino, and in which team's group: its password file (bcrypt hashes of the {@code $2y$} kind,
 * the only bcrypt Trino reads) and its group file. Trino reads both again within a second of a change, so a grant or
 * a revoke needs no restart. Each file is replaced whole, never left half-written.
 */
public final class TrinoLogins {
    static final String PASSWORD_FILE = "password.db";
    static final String GROUP_FILE = "group.txt";
    /** Trino's file authenticator refuses bcrypt cheaper than 8 rounds; 10 keeps a login at a few milliseconds. */
    private static final int BCRYPT_ROUNDS = 10;
    /** What a login or a group may be: both files separate fields with ':' and ','. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,62}");

    private final Path passwordFile;
    private final Path groupFile;

    /** @param etc Trino's configuration folder, where both files are */
    public TrinoLogins(Path etc) {
        requireNonNull(etc, "etc is null");
        this.passwordFile = etc.resolve(PASSWORD_FILE);
        this.groupFile = etc.resolve(GROUP_FILE);
    }

    /** Lets {@code login} in with {@code password}, in no group; replaces what it had. */
    public synchronized void grant(String login, String password) throws IOException {
        setPassword(login, password);
        SortedMap<String, SortedSet<String>> groups = groups();
        groups.values().forEach(members -> members.remove(login));
        writeGroups(groups);
    }

    /** Lets {@code login} in with {@code password} as a member of {@code group} (a team) only; replaces what it had. */
    public synchronized void grant(String login, String password, String group) throws IOException {
        checkName("group", group);
        setPassword(login, password);
        SortedMap<String, SortedSet<String>> groups = groups();
        groups.values().forEach(members -> members.remove(login));
        groups.computeIfAbsent(group, name -> new TreeSet<>()).add(login);
        writeGroups(groups);
    }

    /** Takes the login away; harmless when it has none. */
    public synchronized void revoke(String login) throws IOException {
        checkName("login", login);
        SortedMap<String, String> hashes = hashes();
        hashes.remove(login);
        writeHashes(hashes);
        SortedMap<String, SortedSet<String>> groups = groups();
        groups.values().forEach(members -> members.remove(login));
        writeGroups(groups);
    }

    /** The logins that may log in, and their groups. */
    public synchronized SortedMap<String, SortedSet<String>> logins() throws IOException {
        SortedMap<String, SortedSet<String>> logins = new TreeMap<>();
        hashes().keySet().forEach(login -> logins.put(login, new TreeSet<>()));
        groups().forEach((group, members) -> members.stream().filter(logins::containsKey).forEach(login -> logins.get(login).add(group)));
        return logins;
    }

    private void setPassword(String login, String password) throws IOException {
        checkName("login", login);
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password of " + login + " is empty");
        }
        SortedMap<String, String> hashes = hashes();
        hashes.put(login, BCrypt.hashpw(password, BCrypt.gensalt("$2y", BCRYPT_ROUNDS)));
        writeHashes(hashes);
    }

    private SortedMap<String, String> hashes() throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String line : lines(passwordFile)) {
            int colon = line.indexOf(':');
            hashes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return hashes;
    }

    private SortedMap<String, SortedSet<String>> groups() throws IOException {
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        for (String line : lines(groupFile)) {
            int colon = line.indexOf(':');
            SortedSet<String> members = groups.computeIfAbsent(line.substring(0, colon), name -> new TreeSet<>());
            for (String member : line.substring(colon + 1).split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
        }
        return groups;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                if (line.indexOf(':') < 1) {
                    throw new IOException(file + ": '" + line + "' is not a 'name:value' line");
                }
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private void writeHashes(SortedMap<String, String> hashes) throws IOException {
        StringBuilder text = new StringBuilder();
        hashes.forEach((login, hash) -> text.append(login).append(':').append(hash).append('\n'));
        replace(passwordFile, text.toString());
    }

    private void writeGroups(SortedMap<String, SortedSet<String>> groups) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, SortedSet<String>> group : groups.entrySet()) {
            if (!group.getValue().isEmpty()) {
                text.append(group.getKey()).append(':').append(String.join(",", group.getValue())).append('\n');
            }
        }
        replace(groupFile, text.toString());
    }

    /** Trino rereads a file while it may be written: it must only ever see the old one or the new one. */
    static void replace(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void checkName(String what, String name) {
        requireNonNull(name, what + " is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a " + what + " Trino can take (lower-case letters, digits, '_', '.', '-')");
        }
    }
}
