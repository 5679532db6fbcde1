package id.go.bangka.inovasi.stats.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void usesTheNearestRankInHours() {
        long[] seconds = {36_000, 3_600, 7_200, 18_000, 10_800, 14_400, 21_600, 25_200, 28_800, 32_400};

        assertThat(Percentiles.hours(seconds.clone(), 10, 50)).isEqualTo(5.0);
        assertThat(Percentiles.hours(seconds.clone(), 10, 90)).isEqualTo(9.0);
        assertThat(Percentiles.hours(seconds.clone(), 1, 90)).isEqualTo(10.0);
        assertThat(Percentiles.hours(new long[0], 0, 50)).isNull();
    }
}
