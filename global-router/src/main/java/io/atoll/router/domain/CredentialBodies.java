package io.atoll.router.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.atoll.cell.contracts.RefreshTokenHome;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads whose credentials a request is about from the start of its body: the {@code email} of a sign-up (JSON),
 * the {@code username} of a password grant or the {@code refresh_token} of a refresh grant (RFC 6749, a form), the
 * {@code token} of a revocation (RFC 7009, a form). A body that is cut short, malformed or of another shape names
 * nobody; the cell it then goes to answers it as it would any client.
 */
public final class CredentialBodies {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CredentialBodies() {
    }

    public static CredentialSubject signUp(BodyStart body) {
        try (JsonParser parser = JSON.createParser(body.bytes(), 0, body.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return CredentialSubject.unnamed();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("email") && value == JsonToken.VALUE_STRING) {
                    return CredentialSubject.of(AccountKey.of(parser.getText()));
                }
                parser.skipChildren();
            }
        } catch (IOException malformedOrCutShort) {
            return CredentialSubject.unnamed();
        }
        return CredentialSubject.unnamed();
    }

    public static CredentialSubject tokenRequest(BodyStart body) {
        Map<String, String> form = form(body);
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("password")) {
            return CredentialSubject.of(AccountKey.of(form.get("username")));
        }
        if (grant.equals("refresh_token")) {
            return CredentialSubject.livingIn(RefreshTokenHome.cellOf(form.get("refresh_token")));
        }
        return CredentialSubject.unnamed();
    }

    public static CredentialSubject revocation(BodyStart body) {
        String token = form(body).get("token");
        return CredentialSubject.livingIn(RefreshTokenHome.cellOf(token).or(() -> HomeCellClaim.ofToken(token)));
    }

    /** The fields of a form; a field cut off by the end of what was read, or not decodable, is left out. */
    private static Map<String, String> form(BodyStart body) {
        Map<String, String> fields = new HashMap<>();
        String[] pairs = new String(body.bytes(), 0, body.length(), StandardCharsets.US_ASCII).split("&");
        int whole = body.complete() ? pairs.length : pairs.length - 1;
        for (int index = 0; index < whole; index++) {
            String pair = pairs[index];
            int equals = pair.indexOf('=');
            if (equals < 1) {
                continue;
            }
            try {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notDecodable) {
                // A malformed escape: the field names nobody.
            }
        }
        return fields;
    }
}
