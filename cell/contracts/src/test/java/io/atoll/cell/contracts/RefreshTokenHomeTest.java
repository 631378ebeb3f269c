package io.atoll.cell.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefreshTokenHomeTest {
    @Test
    void aTokenNamesTheCellThatIssuedIt() {
        String token = RefreshTokenHome.token("us-east-1", "q3Zr_-x9");

        assertThat(token).isEqualTo("us-east-1.q3Zr_-x9");
        assertThat(RefreshTokenHome.cellOf(token)).contains("us-east-1");
    }

    @Test
    void tokensOfAnotherFormNameNoCell() {
        assertThat(RefreshTokenHome.cellOf(null)).isEmpty();
        assertThat(RefreshTokenHome.cellOf("q3Zr_-x9")).as("a token from before cells were written into them").isEmpty();
        assertThat(RefreshTokenHome.cellOf(".q3Zr")).isEmpty();
        assertThat(RefreshTokenHome.cellOf("us-east-1.")).isEmpty();
        assertThat(RefreshTokenHome.cellOf("US_EAST.q3Zr")).isEmpty();
        assertThat(RefreshTokenHome.cellOf("a".repeat(64) + ".q3Zr")).as("longer than a cell id can be").isEmpty();
    }

    @Test
    void aCellIdThatCouldNotBeReadBackIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> RefreshTokenHome.token("eu.west", "secret"));
    }
}
