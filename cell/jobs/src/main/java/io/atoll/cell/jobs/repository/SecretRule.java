package io.atoll.cell.jobs.repository;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A kind of secret that must not be committed, recognised by its shape on one line. */
public enum SecretRule {
    /** A long-term AWS access key id. */
    AWS_ACCESS_KEY_ID("aws-access-key-id", "(?<![A-Z0-9])AKIA[0-9A-Z]{16}(?![A-Z0-9])"),
    /** The armour line that opens a PEM, OpenSSH or PGP private key. */
    PRIVATE_KEY("private-key", "-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----"),
    /** A GitHub personal access, OAuth, app or fine-grained token. */
    GITHUB_TOKEN("github-token", "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
    /** A Slack bot, user, app, refresh or legacy token. */
    SLACK_TOKEN("slack-token", "(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,}"),
    /**
     * A password written into code or configuration as a quoted literal ({@code password = "..."}, {@code
     * "db_password": "..."}); placeholders filled in later ({@code "${...}"}, {@code "{{...}}"}) are no secret.
     */
    PASSWORD_ASSIGNMENT("password-assignment",
            "(?i)(?:password|passwd|pwd)\\w*[\"']?\\s*[:=]{1,2}\\s*([\"'])(?!\\$\\{|\\{\\{)[^\"'\\s]{4,}\\1");

    private final String ruleName;
    private final Pattern pattern;

    SecretRule(String ruleName, String regex) {
        this.ruleName = requireNonNull(ruleName, "ruleName is null");
        this.pattern = Pattern.compile(regex);
    }

    /** The rule's name in scan results, e.g. {@code aws-access-key-id}. */
    @JsonValue
    public String ruleName() {
        return ruleName;
    }

    /** Whether a line of text holds a secret of this kind. */
    boolean matches(CharSequence line) {
        return pattern.matcher(line).find();
    }
}
