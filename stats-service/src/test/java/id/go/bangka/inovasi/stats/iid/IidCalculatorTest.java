package id.go.bangka.inovasi.stats.iid;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.SpdRecorded;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Worked examples per period, recomputed by hand from the shipped period data in the comments. Every index is
 * (SPD + sum / MAX(divisorMinimum, n) + count score) / 250 x 100, rounded only at the end.
 */
class IidCalculatorTest {

    private static final GovernmentAffair[] BASIC = {GovernmentAffair.EDUCATION, GovernmentAffair.HEALTH,
        GovernmentAffair.PUBLIC_WORKS, GovernmentAffair.HOUSING, GovernmentAffair.PUBLIC_ORDER, GovernmentAffair.SOCIAL};

    private final IidPeriods periods = new IidPeriods(new StatsProperties(null,
            new ClassPathResource("iid-periods.json"), null));

    /** Implemented on 15 January 2025 with a design of 320 words: eligible in both periods. */
    static InnovationFacts innovation(GovernmentAffair affair, String period, int claimed, int verified) {
        return innovation(affair, period, claimed, verified, LocalDate.of(2025, 1, 15), 320);
    }

    static InnovationFacts innovation(GovernmentAffair affair, String period, int claimed, int verified,
            LocalDate implemented, int designWords) {
        return innovation(affair, Set.of(), period, claimed, verified, implemented, designWords);
    }

    /** As {@link #innovation(GovernmentAffair, String, int, int)}, serving other affairs too. */
    static InnovationFacts innovation(GovernmentAffair affair, Set<GovernmentAffair> secondary, String period,
            int claimed, int verified, LocalDate implemented, int designWords) {
        return new InnovationFacts(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, "OPD", null, 2025, null, null,
                null, null, null, affair, InnovationFacts.NONE, InnovationFacts.NONE, InnovationFacts.NONE, period,
                claimed, verified, 20, 20, Math.toIntExact(implemented.toEpochDay()), designWords, secondary);
    }

    /** Twelve innovations, one per basic-service affair and six in tourism; verified 80, 95, 60, 70, 50, 40, 6 x 50. */
    static List<InnovationFacts> twelve(GovernmentAffair sixth, String period) {
        List<InnovationFacts> innovations = new ArrayList<>();
        int[] verified = {80, 95, 60, 70, 50, 40};
        for (int i = 0; i < 6; i++) {
            innovations.add(innovation(i == 5 ? sixth : BASIC[i], period, 100, verified[i]));
            innovations.add(innovation(GovernmentAffair.TOURISM, period, 100, 50));
        }
        return innovations;
    }

    /** The first five of {@link #twelve}: one innovation per basic-service affair but social; 80+95+60+70+50 = 355. */
    static List<InnovationFacts> fiveBasic(String period) {
        return twelve(GovernmentAffair.SOCIAL, period).stream().filter(f -> f.affair().basicService()).limit(5)
                .toList();
    }

    /** Every one of the 20 SPD rows (indicators 1-15) at parameter 2: 2 x the weights' sum 21 = 42. */
    static SpdRecorded spdAtTwo(String period) {
        List<SpdRecorded.Indicator> rows = new ArrayList<>();
        for (String code : List.of("1", "2a", "2b", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a",
                "11b", "12", "13a", "13b", "14", "15")) {
            rows.add(new SpdRecorded.Indicator(code, 2, "https://bappeda.bangka.go.id/iid/" + code));
        }
        return new SpdRecorded(period, 1, rows, Instant.parse("2026-05-02T03:00:00Z"), "reviewer-bappeda");
    }

    @Test
    void period2026WithoutSpdGivesTheRangeAndNoCategory() {
        // n = 12, divisor MAX(12, 12) = 12; sum = 80+95+60+70+50+40 + 6x50 = 695; 695 / 12 = 57.91666...
        // six of six basic-service affairs covered (2026 needs 5): count score = min(12, 200) x 0.38 = 4.56
        // SPD 0:  (0 + 57.91666 + 4.56) / 250 x 100 = 62.47666 / 2.5  = 24.99066 -> 24.99 (Kurang Inovatif)
        // SPD 63: (63 + 57.91666 + 4.56) / 250 x 100 = 125.47666 / 2.5 = 50.19066 -> 50.19 (Inovatif, 40.01-65)
        IidReport.Projection p = IidCalculator.project("2026", periods.get("2026"),
                twelve(GovernmentAffair.SOCIAL, "2026"), null);

        assertThat(p.divisor()).isEqualTo(12);
        assertThat(p.verifiedSum()).isEqualTo(695);
        assertThat(p.perInnovationComponent()).isEqualByComparingTo("57.92");
        assertThat(p.claimedPerInnovationComponent()).isEqualByComparingTo("100.00");
        assertThat(p.basicServicesCovered()).isEqualTo(6);
        assertThat(p.countComponent()).isEqualByComparingTo("4.56");
        assertThat(p.spd()).isNull();
        assertThat(p.index()).isNull();
        assertThat(p.indexLow()).isEqualByComparingTo("24.99");
        assertThat(p.indexHigh()).isEqualByComparingTo("50.19");
        assertThat(p.basis()).isEqualTo(IidReport.SPD_UNKNOWN_RANGE);
        assertThat(p.category()).isNull();
        assertThat(p.possibleCategories()).containsExactly("Kurang Inovatif", "Inovatif");
        assertThat(p.uncertainty()).isEqualTo("Kurang Inovatif atau Inovatif, tergantung nilai SPD");
    }

    @Test
    void period2026WithARecordedSpdGivesOneIndexAndItsCategory() {
        // SPD: 20 rows x parameter 2, weights summing to 21 -> 42
        // (42 + 57.91666 + 4.56) / 250 x 100 = 104.47666 / 2.5 = 41.79066 -> 41.79: Inovatif (40.01-65)
        IidReport.Projection p = IidCalculator.project("2026", periods.get("2026"),
                twelve(GovernmentAffair.SOCIAL, "2026"), spdAtTwo("2026"));

        assertThat(p.spd().score()).isEqualByComparingTo("42");
        assertThat(p.spd().maximum()).isEqualTo(63);
        assertThat(p.spd().indicatorsCounted()).isEqualTo(20);
        assertThat(p.index()).isEqualByComparingTo("41.79");
        assertThat(p.indexLow()).isEqualByComparingTo("41.79");
        assertThat(p.indexHigh()).isEqualByComparingTo("41.79");
        assertThat(p.basis()).isEqualTo(IidReport.SPD_RECORDED);
        assertThat(p.category()).isEqualTo("Inovatif");
        assertThat(p.uncertainty()).isNull();
    }

    @Test
    void period2026CountsWithFiveBasicServicesWhere2023NeedsAllSix() {
        // SOCIAL replaced by TOURISM: five of six basic-service affairs covered.
        // 2026 (5 required): count score 12 x 0.38 = 4.56, as above: 24.99 to 50.19
        // 2023 (6 required, divisor MAX(10, 12) = 12): count score 0
        //   SPD 0: 57.91666 / 2.5 = 23.16666 -> 23.17; SPD 63: 120.91666 / 2.5 = 48.36666 -> 48.37
        //   2023 bands: Kurang Inovatif 0.01-34.99, Inovatif 35-60 -> both possible
        IidReport.Projection p2026 = IidCalculator.project("2026", periods.get("2026"),
                twelve(GovernmentAffair.TOURISM, "2026"), null);
        IidReport.Projection p2023 = IidCalculator.project("2023", periods.get("2023"),
                twelve(GovernmentAffair.TOURISM, "2023"), null);

        assertThat(p2026.basicServicesCovered()).isEqualTo(5);
        assertThat(p2026.basicServicesRequired()).isEqualTo(5);
        assertThat(p2026.countComponent()).isEqualByComparingTo("4.56");
        assertThat(p2026.indexLow()).isEqualByComparingTo("24.99");
        assertThat(p2023.basicServicesRequired()).isEqualTo(6);
        assertThat(p2023.basicServicesMissing()).extracting(LabelledCount::key).containsExactly("SOCIAL");
        assertThat(p2023.basicServicesMissing()).extracting(LabelledCount::labelId).containsExactly("Sosial");
        assertThat(p2023.countComponent()).isEqualByComparingTo("0.00");
        assertThat(p2023.indexLow()).isEqualByComparingTo("23.17");
        assertThat(p2023.indexHigh()).isEqualByComparingTo("48.37");
        assertThat(p2023.uncertainty()).isEqualTo("Kurang Inovatif atau Inovatif, tergantung nilai SPD");
    }

    @Test
    void fewInnovationsAreDividedByThePeriodsDivisorMinimum() {
        // five innovations, the first five basic-service affairs: sum = 80+95+60+70+50 = 355
        // 2026: divisor MAX(12, 5) = 12 -> 29.58333; 5 affairs >= 5: count 5 x 0.38 = 1.90
        //   SPD 0: 31.48333 / 2.5 = 12.59333 -> 12.59; SPD 63: 94.48333 / 2.5 = 37.79333 -> 37.79
        //   both in Kurang Inovatif (0.01-40.00): the category is certain whatever the SPD
        // 2023: divisor MAX(10, 5) = 10 -> 35.50; 5 affairs < 6: count 0
        //   SPD 0: 35.5 / 2.5 = 14.20; SPD 63: 98.5 / 2.5 = 39.40 -> Kurang Inovatif or Inovatif (from 35)
        IidReport.Projection p2026 = IidCalculator.project("2026", periods.get("2026"), fiveBasic("2026"), null);
        IidReport.Projection p2023 = IidCalculator.project("2023", periods.get("2023"), fiveBasic("2023"), null);

        assertThat(p2026.divisor()).isEqualTo(12);
        assertThat(p2026.countComponent()).isEqualByComparingTo("1.90");
        assertThat(p2026.indexLow()).isEqualByComparingTo("12.59");
        assertThat(p2026.indexHigh()).isEqualByComparingTo("37.79");
        assertThat(p2026.basis()).isEqualTo(IidReport.SPD_UNKNOWN_ONE_CATEGORY);
        assertThat(p2026.category()).isEqualTo("Kurang Inovatif");
        assertThat(p2026.uncertainty()).isNull();
        assertThat(p2023.divisor()).isEqualTo(10);
        assertThat(p2023.perInnovationComponent()).isEqualByComparingTo("35.50");
        assertThat(p2023.indexLow()).isEqualByComparingTo("14.20");
        assertThat(p2023.indexHigh()).isEqualByComparingTo("39.40");
        assertThat(p2023.basis()).isEqualTo(IidReport.SPD_UNKNOWN_RANGE);
        assertThat(p2023.possibleCategories()).containsExactly("Kurang Inovatif", "Inovatif");
    }

    @Test
    void the2026WindowAndDesignLengthLeaveOutInnovationsThatDoNotMeetThem() {
        // the five of fewInnovationsAreDividedByThePeriodsDivisorMinimum plus, in tourism and verified 90 each, one implemented on 1 June 2023 (before
        // 2026's window, 2024-01-01 to 2025-12-31) and one with a design of 120 words (2026 asks for 300)
        // 2026: both left out; n = 5 as before: SPD 0 -> 12.59
        // 2023 (no eligibility rule): n = 7, sum 355 + 180 = 535, divisor MAX(10, 7) = 10 -> 53.5; 5 affairs < 6:
        //   count 0; SPD 0: 53.5 / 2.5 = 21.40
        for (String period : List.of("2026", "2023")) {
            List<InnovationFacts> seven = new ArrayList<>(fiveBasic(period));
            seven.add(innovation(GovernmentAffair.TOURISM, period, 90, 90, LocalDate.of(2023, 6, 1), 320));
            seven.add(innovation(GovernmentAffair.TOURISM, period, 90, 90, LocalDate.of(2025, 2, 1), 120));

            IidReport.Projection p = IidCalculator.project(period, periods.get(period), seven, null);

            if (period.equals("2026")) {
                assertThat(p.innovationsCounted()).isEqualTo(5);
                assertThat(p.notEligibleWindow()).isEqualTo(1);
                assertThat(p.notEligibleDesign()).isEqualTo(1);
                assertThat(p.indexLow()).isEqualByComparingTo("12.59");
            } else {
                assertThat(p.innovationsCounted()).isEqualTo(7);
                assertThat(p.notEligibleWindow() + p.notEligibleDesign()).isZero();
                assertThat(p.indexLow()).isEqualByComparingTo("21.40");
            }
        }
    }

    @Test
    void onlyTheFinalFigureIsRounded() {
        // six innovations, one per basic-service affair, verified 20+20+20+20+10+10 = 100; 2026, SPD 0
        // divisor MAX(12, 6) = 12 -> 8.33333; count 6 x 0.38 = 2.28
        // exact: 10.61333 / 2.5 = 4.24533 -> 4.25 (components rounded first: 10.61 / 2.5 = 4.244 -> 4.24)
        int[] verified = {20, 20, 20, 20, 10, 10};
        List<InnovationFacts> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(innovation(BASIC[i], "2026", verified[i], verified[i]));
        }

        IidReport.Projection p = IidCalculator.project("2026", periods.get("2026"), six, null);

        assertThat(p.perInnovationComponent()).isEqualByComparingTo("8.33");
        assertThat(p.indexLow()).isEqualByComparingTo("4.25");
    }

    @Test
    void scoresOfAnotherPeriodCountAsZeroAndSpdCodesThePeriodLacksAreListed() {
        List<InnovationFacts> old = List.of(innovation(GovernmentAffair.HEALTH, "2023", 100, 100));
        SpdRecorded spd = new SpdRecorded("2026", 3, List.of(new SpdRecorded.Indicator("1", 3, "https://x.id/1"),
                new SpdRecorded.Indicator("99", 3, "https://x.id/99")), Instant.EPOCH, "ops");

        IidReport.Projection p = IidCalculator.project("2026", periods.get("2026"), old, spd);

        assertThat(p.verifiedSum()).isZero();
        // SPD = weight 1 x 3 = 3; n = 1 (health only, count 0): 3 / 2.5 = 1.20
        assertThat(p.spd().score()).isEqualByComparingTo("3");
        assertThat(p.spd().unknownIndicators()).containsExactly("99");
        assertThat(p.index()).isEqualByComparingTo("1.20");
        assertThat(p.category()).isEqualTo("Kurang Inovatif");
    }

    @Test
    void categoriesFollowEachPeriodsThresholds() {
        IidPeriod p2026 = periods.get("2026");
        IidPeriod p2023 = periods.get("2023");

        assertThat(p2026.category(new BigDecimal("65.01"))).isEqualTo("Sangat Inovatif");
        assertThat(p2026.category(new BigDecimal("65.00"))).isEqualTo("Inovatif");
        assertThat(p2026.category(new BigDecimal("40.00"))).isEqualTo("Kurang Inovatif");
        assertThat(p2026.category(new BigDecimal("0.00"))).isEqualTo("Tidak Dapat Dinilai");
        assertThat(p2023.category(new BigDecimal("60.01"))).isEqualTo("Sangat Inovatif");
        assertThat(p2023.category(new BigDecimal("35.00"))).isEqualTo("Inovatif");
        assertThat(p2023.category(new BigDecimal("34.99"))).isEqualTo("Kurang Inovatif");
        assertThat(periods.latest()).isEqualTo("2026");
    }
}
