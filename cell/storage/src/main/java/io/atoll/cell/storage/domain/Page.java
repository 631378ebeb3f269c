package io.atoll.cell.storage.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One page of a longer list.
 *
 * @param entries the page, in the list's order
 * @param next where the next page begins, absent on the last page
 */
public record Page<T>(List<T> entries, Optional<String> next) {
    public Page {
        entries = List.copyOf(entries);
        requireNonNull(next, "next is null");
    }

    /**
     * The page of a list read one entry past the limit: that entry's presence says whether there is a next page,
     * which begins after the last entry kept.
     */
    public static <T> Page<T> of(List<T> readOneMore, int limit, Function<T, String> position) {
        if (readOneMore.size() <= limit) {
            return new Page<>(readOneMore, Optional.empty());
        }
        List<T> kept = readOneMore.subList(0, limit);
        return new Page<>(kept, Optional.of(position.apply(kept.get(limit - 1))));
    }
}
