package io.atoll.devstack.cli;

import io.atoll.devstack.platform.PlatformException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The passwords of the logins `atoll data grant` made, kept in the state folder (readable by its owner only) so that
 * `atoll sql` can open a session as the person on this machine. A person elsewhere is given theirs once.
 */
final class TeamLoginStore {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;

    TeamLoginStore(Path stateDir) {
        this.folder = stateDir.resolve("data-access").resolve("logins");
    }

    static String newPassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    Path fileOf(String login) {
        if (!login.matches("[a-z][a-z0-9_]{1,62}")) {
            throw new PlatformException("'" + login + "' is not a login name: lower-case letters, digits and '_', starting with a letter");
        }
        return folder.resolve(login);
    }

    void keep(String login, String password) {
        try {
            Files.createDirectories(folder);
            Path file = fileOf(login);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlatformException("could not keep the password in " + fileOf(login) + ": " + e.getMessage(), e);
        }
    }

    Optional<String> password(String login) {
        try {
            Path file = fileOf(login);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new PlatformException("could not read " + fileOf(login) + ": " + e.getMessage(), e);
        }
    }

    void forget(String login) {
        try {
            Files.deleteIfExists(fileOf(login));
        } catch (IOException e) {
            throw new PlatformException("could not remove " + fileOf(login) + ": " + e.getMessage(), e);
        }
    }
}
