package io.atoll.cell.contracts;

import java.util.List;

/**
 * The headers through which a cell's authenticating proxy tells the services behind it who is calling.
 * Services trust them only because the proxy strips whatever a client sent under these names.
 */
public final class IdentityHeaders {
    /** The account id the token was issued to. */
    public static final String SUBJECT = "X-Auth-Subject";
    /** The token's scopes, separated by single spaces. */
    public static final String SCOPES = "X-Auth-Scopes";
    /** The cell the account lives in. */
    public static final String HOME_CELL = "X-Auth-Home-Cell";
    public static final List<String> ALL = List.of(SUBJECT, SCOPES, HOME_CELL);

    private IdentityHeaders() {
    }
}
