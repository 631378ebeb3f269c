package io.atoll.dataaccess;

import io.atoll.dataaccess.domain.Scopes;

import java.nio.file.Path;

/** The scope files of the repository, which the build points the tests at. */
public final class RepositoryScopes {
    private RepositoryScopes() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("atoll.data-access.scopes", "scopes"));
    }

    public static Scopes load() {
        return Scopes.load(directory());
    }
}
