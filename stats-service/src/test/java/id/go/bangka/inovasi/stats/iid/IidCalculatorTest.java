package id.go.bangka.inovasi.stats.iid;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The projection recomputed by hand from the shipped period data. */
class IidCalculatorTest {

    private final IidPeriods periods = new IidPeriods(new StatsProperties(null,
            new ClassPathResource("iid-periods.json"), null));

    private static InnovationFacts innovation(GovernmentAffair affair, String period, int claimed, int verified) {
        return new InnovationFacts(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, "OPD", null, 2025, null, null,
                null, null, null, affair, InnovationFacts.NONE, InnovationFacts.NONE, InnovationFacts.NONE, period,
                claimed, verified, 20, 20);
    }

    /** Twelve innovations, one per basic-service affair and six more; scores 80, 95, 60, 70, 50, 40 and 6 x 50. */
    private static List<InnovationFacts> twelve() {
        List<InnovationFacts> innovations = new ArrayList<>();
        int[] verified = {80, 95, 60, 70, 50, 40};
        GovernmentAffair[] basic = {GovernmentAffair.EDUCATION, GovernmentAffair.HEALTH, GovernmentAffair.PUBLIC_WORKS,
            GovernmentAffair.HOUSING, GovernmentAffair.PUBLIC_ORDER, GovernmentAffair.SOCIAL};
        for (int i = 0; i < 6; i++) {
            innovations.add(innovation(basic[i], "2026", 100, verified[i]));
            innovations.add(innovation(GovernmentAffair.TOURISM, "2026", 100, 50));
        }
        return innovations;
    }

    @Test
    void recomputesTheExampleByHand() {
        // sum = 80+95+60+70+50+40 + 6x50 = 695; n = 12, divisor = MAX(10, 12) = 12; 695 / 12 = 57.9166 -> 57.92
        // count component: all six basic-service affairs covered, min(12, 200) x 0.38 = 4.56
        // index = (57.92 + 4.56) / (111 + 200 x 0.38) x 100 = 62.48 / 187 x 100 = 33.4117 -> 33.41
        // 2026: Kurang Inovatif (0.01-40); claimed: 1200 / 12 = 100.00
        IidReport.Projection projection = IidCalculator.project("2026", periods.get("2026"), twelve());

        assertThat(projection.innovationsCounted()).isEqualTo(12);
        assertThat(projection.verifiedSum()).isEqualTo(695);
        assertThat(projection.divisor()).isEqualTo(12);
        assertThat(projection.perInnovationComponent()).isEqualByComparingTo("57.92");
        assertThat(projection.claimedPerInnovationComponent()).isEqualByComparingTo("100.00");
        assertThat(projection.basicServicesCovered()).isTrue();
        assertThat(projection.countComponent()).isEqualByComparingTo("4.56");
        assertThat(projection.projectedIndex()).isEqualByComparingTo("33.41");
        assertThat(projection.projectedCategory()).isEqualTo("Kurang Inovatif");
    }

    @Test
    void withoutEveryBasicServiceTheCountComponentIsZeroAndFewInnovationsAreDividedByTen() {
        // five innovations, no SOCIAL affair: sum = 80+95+60+70+50 = 355; divisor MAX(10, 5) = 10 -> 35.50
        // count component 0; index = 35.50 / 187 x 100 = 18.98
        List<InnovationFacts> five = twelve().stream().filter(f -> f.affair().basicService()).limit(5).toList();

        IidReport.Projection projection = IidCalculator.project("2026", periods.get("2026"), five);

        assertThat(projection.divisor()).isEqualTo(10);
        assertThat(projection.perInnovationComponent()).isEqualByComparingTo("35.50");
        assertThat(projection.basicServicesCovered()).isFalse();
        assertThat(projection.basicServicesMissing()).extracting(LabelledCount::key).containsExactly("SOCIAL");
        assertThat(projection.basicServicesMissing()).extracting(LabelledCount::labelId).containsExactly("Sosial");
        assertThat(projection.countComponent()).isEqualByComparingTo("0.00");
        assertThat(projection.projectedIndex()).isEqualByComparingTo("18.98");
    }

    @Test
    void scoresOfAnotherPeriodCountAsZero() {
        List<InnovationFacts> old = List.of(innovation(GovernmentAffair.HEALTH, "2023", 100, 100));

        IidReport.Projection projection = IidCalculator.project("2026", periods.get("2026"), old);

        assertThat(projection.verifiedSum()).isZero();
        assertThat(projection.projectedCategory()).isEqualTo("Tidak Dapat Dinilai");
    }

    @Test
    void categoriesFollowEachPeriodsThresholds() {
        IidPeriod p2026 = periods.get("2026");
        IidPeriod p2023 = periods.get("2023");

        assertThat(IidCalculator.category(p2026, new BigDecimal("65.01"))).isEqualTo("Sangat Inovatif");
        assertThat(IidCalculator.category(p2026, new BigDecimal("65.00"))).isEqualTo("Inovatif");
        assertThat(IidCalculator.category(p2026, new BigDecimal("40.00"))).isEqualTo("Kurang Inovatif");
        assertThat(IidCalculator.category(p2026, new BigDecimal("0.00"))).isEqualTo("Tidak Dapat Dinilai");
        assertThat(IidCalculator.category(p2023, new BigDecimal("60.01"))).isEqualTo("Sangat Inovatif");
        assertThat(IidCalculator.category(p2023, new BigDecimal("35.00"))).isEqualTo("Inovatif");
        assertThat(IidCalculator.category(p2023, new BigDecimal("34.99"))).isEqualTo("Kurang Inovatif");
        assertThat(periods.latest()).isEqualTo("2026");
    }
}
