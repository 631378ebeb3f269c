package io.atoll.cell.jobs.repository;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRuleTest {
    // Each secret is put together at run time, so that no secret scanner takes this source file for a leak.
    private static final String AWS_KEY_ID = "AKIA" + "Z7XQ2M4N6P8R0T2V";
    private static final String GITHUB_TOKEN = "ghp" + "_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String SLACK_TOKEN = "xoxb" + "-1234567890-0987654321-AbCdEfGhIjKlMnOp";
    private static final String KEY_ARMOUR = "-----BEGIN ";

    @Test
    void awsAccessKeyIds() {
        assertThat(rulesOf("aws_access_key_id = " + AWS_KEY_ID)).containsExactly(SecretRule.AWS_ACCESS_KEY_ID);
        assertThat(rulesOf("\"" + AWS_KEY_ID + "\"")).containsExactly(SecretRule.AWS_ACCESS_KEY_ID);
        assertThat(rulesOf("X" + AWS_KEY_ID)).as("inside a longer word").isEmpty();
        assertThat(rulesOf("AKIA_NOT_A_KEY")).isEmpty();
    }

    @Test
    void privateKeys() {
        assertThat(rulesOf(KEY_ARMOUR + "RSA PRIVATE KEY-----")).containsExactly(SecretRule.PRIVATE_KEY);
        assertThat(rulesOf(KEY_ARMOUR + "OPENSSH PRIVATE KEY-----")).containsExactly(SecretRule.PRIVATE_KEY);
        assertThat(rulesOf(KEY_ARMOUR + "PRIVATE KEY-----")).containsExactly(SecretRule.PRIVATE_KEY);
        assertThat(rulesOf(KEY_ARMOUR + "PGP PRIVATE KEY BLOCK-----")).containsExactly(SecretRule.PRIVATE_KEY);
        assertThat(rulesOf(KEY_ARMOUR + "PUBLIC KEY-----")).isEmpty();
        assertThat(rulesOf(KEY_ARMOUR + "CERTIFICATE-----")).isEmpty();
    }

    @Test
    void gitHubAndSlackTokens() {
        assertThat(rulesOf("token: " + GITHUB_TOKEN)).containsExactly(SecretRule.GITHUB_TOKEN);
        assertThat(rulesOf("ghp_short")).isEmpty();
        assertThat(rulesOf("SLACK=" + SLACK_TOKEN)).containsExactly(SecretRule.SLACK_TOKEN);
        assertThat(rulesOf("xoxq-1234567890")).isEmpty();
    }

    @Test
    void passwordsWrittenAsQuotedLiterals() {
        assertThat(rulesOf("password = 'hunter22'")).containsExactly(SecretRule.PASSWORD_ASSIGNMENT);
        assertThat(rulesOf("  \"db_password\": \"s3cr3t!x\",")).containsExactly(SecretRule.PASSWORD_ASSIGNMENT);
        assertThat(rulesOf("PASSWD=\"correct-horse\"")).containsExactly(SecretRule.PASSWORD_ASSIGNMENT);
        assertThat(rulesOf("password = \"${DB_PASSWORD}\"")).as("a placeholder").isEmpty();
        assertThat(rulesOf("password: \"{{ vault_password }}\"")).as("a template").isEmpty();
        assertThat(rulesOf("password = ''")).isEmpty();
        assertThat(rulesOf("password = readPassword()")).isEmpty();
    }

    @Test
    void eachRuleHasTheNameTheResultsUse() {
        assertThat(SecretRule.values()).extracting(SecretRule::ruleName).containsExactly(
                "aws-access-key-id", "private-key", "github-token", "slack-token", "password-assignment");
    }

    private static List<SecretRule> rulesOf(String line) {
        return Arrays.stream(SecretRule.values()).filter(rule -> rule.matches(line)).toList();
    }
}
