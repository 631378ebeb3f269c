package io.atoll.dataaccess.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every team's scope, one file each, in the order of their names (so that what is compiled from them is too). */
public record Scopes(List<TeamScope> teams) {
    public Scopes {
        teams = teams.stream().sorted(Comparator.comparing(TeamScope::team)).toList();
        for (TeamScope team : teams) {
            for (TeamScope other : teams) {
                if (other != team && other.team().equals(team.team())) {
                    throw new ScopeDefinitionException(team.team() + ".yaml: team: defined twice");
                }
            }
            String sql = Stream.concat(team.views().stream().map(ViewScope::sql), team.aggregates().stream().map(AggregateScope::sql))
                    .collect(Collectors.joining("\n"));
            teams.stream().filter(other -> other != team)
                    .filter(other -> Pattern.compile("\\b" + other.team() + "\\s*\\.", Pattern.CASE_INSENSITIVE).matcher(sql).find())
                    .findFirst()
                    .ifPresent(other -> {
                        throw new ScopeDefinitionException(team.team() + ".yaml: views: reads the schema of team '" + other.team()
                                + "': a team's SQL reads only its own schema's views");
                    });
        }
    }

    /** The {@code *.yaml} files of {@code directory}, each a team's scope. */
    public static Scopes load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<TeamScope> teams = files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(file -> ScopeParser.parse(directory.getFileName().resolve(file.getFileName()).toString(), read(file)))
                    .toList();
            if (teams.isEmpty()) {
                throw new ScopeDefinitionException(directory + ": no scope files (<team>.yaml)");
            }
            return new Scopes(teams);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scope files in " + directory, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
