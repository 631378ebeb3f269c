package io.atoll.cell.jobs.photo;

import io.atoll.cell.jobs.support.TestPhotos;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DifferenceHashTest {
    @Test
    void eachBitSaysWhetherACellIsBrighterThanItsRightHandNeighbour() {
        // White on the left, black on the right: the middle one of each row's 9 cells is half of each, so going
        // right the 4th cell is brighter than the grey 5th, and that than the 6th: bits 4 and 5 of each row's 8.
        BufferedImage halves = TestPhotos.halves(90, 80, Color.WHITE, Color.BLACK);

        assertThat(DifferenceHash.of(halves).hex()).isEqualTo("1818181818181818");
        assertThat(DifferenceHash.of(TestPhotos.halves(90, 80, Color.BLACK, Color.WHITE)).hex()).isEqualTo("0000000000000000");
    }

    @Test
    void aPictureSmallerThanTheGridStillHashes() {
        BufferedImage onePixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

        assertThat(DifferenceHash.of(onePixel).bits()).isZero();
    }

    @Test
    void retouchedCopiesAreNearDuplicatesAndOtherPicturesAreNot() {
        BufferedImage landscape = TestPhotos.landscape(900, 600);

        DifferenceHash original = DifferenceHash.of(landscape);
        DifferenceHash retouched = DifferenceHash.of(TestPhotos.retouched(landscape));
        DifferenceHash other = DifferenceHash.of(TestPhotos.rings(900, 600));

        assertThat(original.distanceTo(retouched)).isLessThanOrEqualTo(4);
        assertThat(original.isNearDuplicateOf(retouched)).isTrue();
        assertThat(original.distanceTo(other)).isGreaterThan(30);
        assertThat(original.isNearDuplicateOf(other)).isFalse();
    }

    @Test
    void theDistanceIsTheNumberOfDifferingBits() {
        assertThat(DifferenceHash.distance("0000000000000000", "000000000000000f")).isEqualTo(4);
        assertThat(DifferenceHash.distance("ffffffffffffffff", "0000000000000000")).isEqualTo(64);
        assertThat(DifferenceHash.distance("8000000000000001", "8000000000000001")).isZero();
    }

    @Test
    void nearDuplicatesDifferInAtMostTenBits() {
        assertThat(DifferenceHash.nearDuplicates("0000000000000000", "00000000000003ff")).as("10 bits").isTrue();
        assertThat(DifferenceHash.nearDuplicates("0000000000000000", "00000000000007ff")).as("11 bits").isFalse();
    }

    @Test
    void theHexFormRoundTrips() {
        DifferenceHash hash = new DifferenceHash(0x8f00_0000_0000_00a1L);

        assertThat(hash.hex()).isEqualTo("8f000000000000a1");
        assertThat(DifferenceHash.parse("8F000000000000A1")).isEqualTo(hash);
    }

    @Test
    void onlySixteenHexDigitsAreAHash() {
        assertThatThrownBy(() -> DifferenceHash.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DifferenceHash.parse("00000000000000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DifferenceHash.parse("000000000000000g")).isInstanceOf(IllegalArgumentException.class);
    }
}
