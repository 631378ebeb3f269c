package io.atoll.cell.jobs.repository;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {
    @Test
    void byExtensionWhateverItsCase() {
        assertThat(Languages.of("src/main/java/App.java")).hasValue("Java");
        assertThat(Languages.of("web/Component.TSX")).hasValue("TypeScript");
        assertThat(Languages.of("build.gradle.kts")).hasValue("Kotlin");
    }

    @Test
    void byWholeNameForFilesWithoutExtension() {
        assertThat(Languages.of("deploy/Dockerfile")).hasValue("Dockerfile");
        assertThat(Languages.of("Makefile")).hasValue("Makefile");
    }

    @Test
    void unknownNamesAndDotFilesHaveNoLanguage() {
        assertThat(Languages.of("LICENSE")).isEmpty();
        assertThat(Languages.of(".gitignore")).isEmpty();
        assertThat(Languages.of("data/table.parquet")).isEmpty();
    }
}
