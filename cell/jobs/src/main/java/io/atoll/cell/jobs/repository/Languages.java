package io.atoll.cell.jobs.repository;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which programming or markup language a file is in, by its name. */
final class Languages {
    /** Files known by their whole name, whatever their extension. */
    private static final Map<String, String> BY_FILE_NAME = Map.of(
            "Dockerfile", "Dockerfile",
            "Makefile", "Makefile",
            "Jenkinsfile", "Groovy");

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", "Java"),
            Map.entry("kt", "Kotlin"),
            Map.entry("kts", "Kotlin"),
            Map.entry("scala", "Scala"),
            Map.entry("groovy", "Groovy"),
            Map.entry("gradle", "Groovy"),
            Map.entry("js", "JavaScript"),
            Map.entry("mjs", "JavaScript"),
            Map.entry("cjs", "JavaScript"),
            Map.entry("jsx", "JavaScript"),
            Map.entry("ts", "TypeScript"),
            Map.entry("tsx", "TypeScript"),
            Map.entry("py", "Python"),
            Map.entry("rb", "Ruby"),
            Map.entry("go", "Go"),
            Map.entry("rs", "Rust"),
            Map.entry("c", "C"),
            Map.entry("h", "C"),
            Map.entry("cc", "C++"),
            Map.entry("cpp", "C++"),
            Map.entry("cxx", "C++"),
            Map.entry("hpp", "C++"),
            Map.entry("cs", "C#"),
            Map.entry("swift", "Swift"),
            Map.entry("m", "Objective-C"),
            Map.entry("php", "PHP"),
            Map.entry("sh", "Shell"),
            Map.entry("bash", "Shell"),
            Map.entry("sql", "SQL"),
            Map.entry("html", "HTML"),
            Map.entry("htm", "HTML"),
            Map.entry("css", "CSS"),
            Map.entry("scss", "SCSS"),
            Map.entry("md", "Markdown"),
            Map.entry("yml", "YAML"),
            Map.entry("yaml", "YAML"),
            Map.entry("json", "JSON"),
            Map.entry("xml", "XML"),
            Map.entry("toml", "TOML"),
            Map.entry("tf", "HCL"),
            Map.entry("proto", "Protocol Buffers"));

    private Languages() {
    }

    /** The language of the file at {@code path}, if it is one of the known ones. */
    static Optional<String> of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String byName = BY_FILE_NAME.get(name);
        if (byName != null) {
            return Optional.of(byName);
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            // No extension, or a dot file such as .gitignore.
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
