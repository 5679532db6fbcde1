package id.go.bangka.inovasi.stats.iid;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Period 2026: divisor at least 12, five of the six basic services for the count score of 0.38 each, total 250. */
class IidExplanationTest {

    private final CatalogView view = new CatalogView();
    private final IidReports reports = new IidReports(view, new IidPeriods(new StatsProperties(null,
            new ClassPathResource("iid-periods.json"), null)), new SpdScores());

    @Test
    void eachUncoveredAffairTheCountScoreAndTheUnverifiedClaimsSayHowMuchTheyWouldAdd() {
        publish("DINKES", GovernmentAffair.HEALTH, 75, 60);
        publish("DISDIK", GovernmentAffair.EDUCATION, 45, 30);
        publish("DINKES", GovernmentAffair.HEALTH, 45, 30);
        // today: 120 / 12 = 10 points of 250 = 4.00; two basic services of the five required: no count score

        IidSummary summary = reports.summary("2026", Scope.PUBLISHED);

        assertThat(summary.regency().indexLow()).isEqualByComparingTo("4.00");
        // three more innovations at today's average (40), in three uncovered affairs: 240 / 12 = 20 plus the count
        // score 6 x 0.38 = 2.28 gives 22.28 / 2.5 = 8.912: 4.91 more
        IidImprovement first = summary.improvements().get(0);
        assertThat(first.kind()).isEqualTo(IidImprovement.EARN_COUNT_SCORE);
        assertThat(first.innovationsAdded()).isEqualTo(3);
        assertThat(first.assumedScore()).isEqualByComparingTo("40.00");
        assertThat(first.indexGain()).isEqualByComparingTo("4.91");
        assertThat(first.earnsCountScore()).isTrue();
        assertThat(first.affairs()).extracting(LabelledCount::key)
                .containsExactly("PUBLIC_WORKS", "HOUSING", "PUBLIC_ORDER", "SOCIAL");
        // the claims exceed the verified scores by 45: 45 / 12 = 3.75 points = 1.50
        assertThat(summary.improvements().get(1).kind()).isEqualTo(IidImprovement.VERIFY_CLAIMS);
        assertThat(summary.improvements().get(1).indexGain()).isEqualByComparingTo("1.50");
        // one more at 40 in one uncovered affair: 160 / 12 = 13.33 points = 5.33, no count score yet: 1.33 more
        assertThat(summary.improvements().subList(2, 6)).allSatisfy(cover -> {
            assertThat(cover.kind()).isEqualTo(IidImprovement.COVER_AFFAIR);
            assertThat(cover.indexGain()).isEqualByComparingTo("1.33");
            assertThat(cover.earnsCountScore()).isFalse();
        }).extracting(cover -> cover.affairs().get(0).key())
                .containsExactly("PUBLIC_WORKS", "HOUSING", "PUBLIC_ORDER", "SOCIAL");
    }

    @Test
    void theOpdsPartsAddUpToTheIndexLessTheSpdWithTheirShareOfTheCountScore() {
        publish("DINKES", GovernmentAffair.HEALTH, 24, 24);
        publish("DINKES", GovernmentAffair.EDUCATION, 24, 24);
        publish("DPUPR", GovernmentAffair.PUBLIC_WORKS, 24, 24);
        publish("DPUPR", GovernmentAffair.HOUSING, 24, 24);
        publish("DINSOS", GovernmentAffair.SOCIAL, 24, 24);
        // 120 / 12 = 10 plus the count score 5 x 0.38 = 1.9: 11.9 / 2.5 = 4.76

        IidReport report = reports.page("2026", Scope.PUBLISHED, 0, 10);

        assertThat(report.regency().indexLow()).isEqualByComparingTo("4.76");
        // two innovations: (48 / 12 + 1.9 x 2 / 5) / 2.5 = 1.904; one: (24 / 12 + 0.38) / 2.5 = 0.952
        assertThat(report.contributions()).extracting(OpdContribution::opdCode).containsExactly("DINKES", "DPUPR",
                "DINSOS");
        assertThat(report.contributions()).extracting(OpdContribution::indexPoints).map(Object::toString)
                .containsExactly("1.90", "1.90", "0.95");
        assertThat(report.contributions().get(0).innovationsCounted()).isEqualTo(2);
        assertThat(report.contributions().get(0).verifiedSum()).isEqualTo(48);
        // the count score is earned already: one more in public order adds (144 / 12 + 2.28) / 2.5 - 4.76 = 0.95
        assertThat(report.improvements()).singleElement().satisfies(cover -> {
            assertThat(cover.affairs()).extracting(LabelledCount::key).containsExactly("PUBLIC_ORDER");
            assertThat(cover.indexGain()).isEqualByComparingTo("0.95");
            assertThat(cover.earnsCountScore()).isFalse();
        });
    }

    private void publish(String opd, GovernmentAffair affair, int claimed, int verified) {
        InnovationChanged snapshot = Snapshots.full(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, opd,
                InnovationField.HEALTH, 2025, affair, Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"), Instant.parse("2025-05-01T00:00:00Z"),
                new InnovationChanged.Scores("2026", claimed, verified, 3, 3));
        assertThat(view.apply(snapshot)).isTrue();
    }
}
