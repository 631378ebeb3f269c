package io.atoll.cell.storage.api;

/** What a member id in a path looks like: an account id of the cell's auth. */
public final class MemberIds {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}";
    /** What a cell id in the home-cell header looks like. */
    public static final String CELL_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";

    private MemberIds() {
    }
}
