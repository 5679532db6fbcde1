package id.go.bangka.inovasi.stats.iid;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.fixtures.Snapshots;
import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.Scope;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.events.SpdRecorded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class IidReportsTest {

    private final CatalogView view = new CatalogView();
    private final SpdScores spd = new SpdScores();
    private final IidReports reports = new IidReports(view, new IidPeriods(new StatsProperties(null,
            new ClassPathResource("iid-periods.json"), null)), spd);

    @Test
    void scoresComeAPageAtATimeHighestVerifiedFirstWithTheWholeProjection() {
        publish(10);
        publish(30);
        publish(20);

        IidReport first = reports.page("2026", Scope.PUBLISHED, 0, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.innovations()).extracting(IidReport.InnovationScore::verified).containsExactly(30, 20);
        assertThat(first.regency().innovationsCounted()).as("the projection counts every page").isEqualTo(3);
        assertThat(first.regency().verifiedSum()).isEqualTo(60);

        IidReport second = reports.page("2026", Scope.PUBLISHED, 1, 2);
        assertThat(second.innovations()).extracting(IidReport.InnovationScore::verified).containsExactly(10);
        assertThat(reports.page("2026", Scope.PUBLISHED, 5, 2).innovations()).isEmpty();
    }

    @Test
    void theReportIsComputedOncePerChangeOfTheView() {
        publish(10);
        IidReport before = reports.page("2026", Scope.PUBLISHED, 0, 50);
        assertThat(reports.page("2026", Scope.PUBLISHED, 0, 50).regency())
                .as("no change: the projection computed before").isSameAs(before.regency());

        publish(40);
        IidReport after = reports.page("2026", Scope.PUBLISHED, 0, 50);
        assertThat(after.total()).isEqualTo(2);
        assertThat(after.innovations()).extracting(IidReport.InnovationScore::verified).containsExactly(40, 10);
    }

    @Test
    void aRecordedSpdReplacesTheRangeByOneIndexAndAnOlderRecordChangesNothing() {
        publish(60);
        // one innovation (health), divisor 12: 60 / 12 = 5; no count score (one basic service of the five required)
        // SPD 0: 5 / 2.5 = 2.00; SPD 63: 68 / 2.5 = 27.20
        IidReport.Projection before = reports.page("2026", Scope.PUBLISHED, 0, 50).regency();
        assertThat(before.indexLow()).isEqualByComparingTo("2.00");
        assertThat(before.indexHigh()).isEqualByComparingTo("27.20");
        assertThat(before.basis()).isEqualTo(IidReport.SPD_UNKNOWN_ONE_CATEGORY);

        // SPD 42: 47 / 2.5 = 18.80
        assertThat(spd.apply(IidCalculatorTest.spdAtTwo("2026"))).isTrue();
        IidReport.Projection after = reports.page("2026", Scope.PUBLISHED, 0, 50).regency();
        assertThat(after.basis()).isEqualTo(IidReport.SPD_RECORDED);
        assertThat(after.index()).isEqualByComparingTo("18.80");

        assertThat(spd.apply(new SpdRecorded("2026", 0, List.of(), Instant.EPOCH, "ops"))).isFalse();
        assertThat(reports.page("2026", Scope.PUBLISHED, 0, 50).regency().index()).isEqualByComparingTo("18.80");
        assertThat(reports.page("2023", Scope.PUBLISHED, 0, 50).regency().spd()).isNull();
    }

    private void publish(int verified) {
        InnovationChanged snapshot = Snapshots.full(UUID.randomUUID(), 1, InnovationStatus.PUBLISHED, "DINKES",
                InnovationField.HEALTH, 2025, GovernmentAffair.HEALTH, Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"), Instant.parse("2025-05-01T00:00:00Z"),
                new InnovationChanged.Scores("2026", verified, verified, 3, 3));
        assertThat(view.apply(snapshot)).isTrue();
    }
}
