package io.atoll.router.api;

/** The scope an operator token must carry for the admin API. */
final class OperatorScope {
    static final String VALUE = "atoll:operator";

    private OperatorScope() {
    }
}
