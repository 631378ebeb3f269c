package io.atoll.cell.auth.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A set of OAuth scopes, written as RFC 6749 does: names separated by single spaces. */
public final class Scopes {
    public static final Scopes NONE = new Scopes(new TreeSet<>());
    // RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private final SortedSet<String> names;
    private final String text;

    private Scopes(SortedSet<String> names) {
        this.names = Collections.unmodifiableSortedSet(names);
        this.text = String.join(" ", names);
    }

    /** Reads space-separated scopes; a blank text is no scope at all. */
    public static Scopes parse(String text) {
        requireNonNull(text, "text is null");
        return text.isBlank() ? NONE : of(List.of(text.trim().split("\\s+")));
    }

    public static Scopes of(Collection<String> names) {
        TreeSet<String> checked = new TreeSet<>();
        for (String name : names) {
            if (!SCOPE_TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("not a valid scope name: '" + name + "'");
            }
            checked.add(name);
        }
        return new Scopes(checked);
    }

    public boolean containsAll(Scopes other) {
        return names.containsAll(other.names);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public SortedSet<String> names() {
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scopes that && names.equals(that.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** The scopes as a {@code scope} claim or parameter carries them. */
    @Override
    public String toString() {
        return text;
    }
}
