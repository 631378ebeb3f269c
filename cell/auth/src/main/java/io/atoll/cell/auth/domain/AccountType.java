package io.atoll.cell.auth.domain;

/** What kind of party an account stands for; this is the account's role. */
public enum AccountType {
    /** A person using the mobile app; signs up and signs in with e-mail and password. */
    MEMBER,
    /** A program (another service, a job) using the client-credentials grant. */
    SERVICE,
    /** A person running the platform; created by the admin command, signs in like a member. */
    OPERATOR
}
