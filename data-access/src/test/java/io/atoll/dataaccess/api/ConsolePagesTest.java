package io.atoll.dataaccess.api;

import io.atoll.dataaccess.api.ConsolePages.Notice;
import io.atoll.dataaccess.domain.console.CatalogueItem;
import io.atoll.dataaccess.domain.console.ConsoleSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolePagesTest {
    private final ConsoleSession sales = new ConsoleSession("id", "eu-west-1", "ann", "secret", Optional.of("sales"), "token-1",
            Instant.EPOCH);

    @Test
    void everythingFromAPersonOrTheDatabaseIsEscaped() {
        String page = ConsolePages.sales(sales, List.of(new CatalogueItem("X-1", "<script>alert('x')</script> & \"more\"", 1,
                BigDecimal.ONE, "EUR", true)), Notice.error("<b>refused</b>"));

        assertThat(page).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
                .contains("&lt;b&gt;refused&lt;/b&gt;");
    }

    @Test
    void everyFormCarriesTheSessionsToken() {
        String page = ConsolePages.sales(sales, List.of(new CatalogueItem("X-1", "Spork", 1, BigDecimal.ONE, "EUR", true)), Notice.none());

        int forms = page.split("<form", -1).length - 1;
        int tokens = page.split("name=\"csrf\" value=\"token-1\"", -1).length - 1;
        assertThat(forms).isEqualTo(3);
        assertThat(tokens).isEqualTo(forms);
        assertThat(page).doesNotContain("secret");
    }

    @Test
    void everyFieldHasItsLabel() {
        String page = ConsolePages.signIn(List.of("eu-west-1", "us-east-1"), "t", Notice.none());

        for (String field : List.of("login", "password", "cell")) {
            assertThat(page).contains("<label for=\"" + field + "\">").contains("id=\"" + field + "\"");
        }
        assertThat(page).contains("<option>eu-west-1</option><option>us-east-1</option>");
    }
}
