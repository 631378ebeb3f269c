package io.atoll.cell.auth.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A new member account. */
@Serdeable
public record AccountResponse(String id, String email, List<String> scopes, String homeCell) {
}
