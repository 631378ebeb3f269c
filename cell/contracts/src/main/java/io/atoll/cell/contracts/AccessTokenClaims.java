package io.atoll.cell.contracts;

/** What an access token issued by a cell's auth says beyond the standard JWT claims, as its readers rely on it. */
public final class AccessTokenClaims {
    /** The claim naming the cell the member lives in; the router routes bearer requests by it. */
    public static final String HOME_CELL = "home_cell";
    /** The scope of the platform's operators: the router's admin API and the app's operator commands require it. */
    public static final String OPERATOR_SCOPE = "atoll:operator";

    private AccessTokenClaims() {
    }
}
