package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessTimelineTest {

    private static final long MS = 1_000_000L;

    @Test
    void theKthSnapshotSentIsCountedWhenTheTotalFirstReachesBasePlusK() {
        FreshnessTimeline timeline = new FreshnessTimeline();
        long accepted = 5_000 * MS;
        timeline.accepted("a", accepted);
        timeline.accepted("b", accepted);
        timeline.accepted("c", accepted);
        // b was sent first: it is the first one stats counts, whatever order the consumer read them in.
        timeline.snapshotSent("a", 1_700_000_000_200L);
        timeline.snapshotSent("b", 1_700_000_000_100L);
        timeline.snapshotSent("c", 1_700_000_000_300L);

        timeline.countedInStats(List.of(new long[] {accepted + 10 * MS, 40}, new long[] {accepted + 20 * MS, 41},
                new long[] {accepted + 30 * MS, 41}, new long[] {accepted + 45 * MS, 43}), 40);

        var toStats = timeline.toStats();
        assertThat(toStats.getTotalCount()).isEqualTo(3);
        assertThat(toStats.getMinValue()).isCloseTo(20_000L, within(20L));
        assertThat(toStats.getMaxValue()).isCloseTo(45_000L, within(50L));
        assertThat(toStats.getValueAtPercentile(50)).isCloseTo(45_000L, within(50L));
    }

    @Test
    void snapshotsStatsHasNotReachedAreNotCounted() {
        FreshnessTimeline timeline = acceptedAtZero("a", "b");
        timeline.snapshotSent("a", 1_700_000_000_100L);
        timeline.snapshotSent("b", 1_700_000_000_200L);

        timeline.countedInStats(List.<long[]>of(new long[] {7 * MS, 11}), 10);

        assertThat(timeline.toStats().getTotalCount()).isEqualTo(1);
    }

    @Test
    void theCatalogueHopEndsWhenCatalogServiceSentTheSnapshot() {
        FreshnessTimeline timeline = new FreshnessTimeline(1_700_000_000_000L * MS);
        timeline.accepted("a", 5_000 * MS);
        timeline.accepted("b", 5_000 * MS);
        timeline.snapshotSent("a", 1_700_000_005_150L);

        var toCatalogue = timeline.toCatalogue();
        assertThat(toCatalogue.getTotalCount()).isEqualTo(1);
        assertThat(toCatalogue.getValueAtPercentile(50)).isCloseTo(150_000L, within(150L));
    }

    @Test
    void tellsWhichAcceptedSubmissionsHaveNoSnapshotYet() {
        FreshnessTimeline timeline = acceptedAtZero("a", "b", "c");
        timeline.snapshotSent("a", 1_700_000_000_100L);
        timeline.snapshotSent("c", 1_700_000_000_300L);
        assertThat(timeline.everySnapshotSent()).isFalse();
        assertThat(timeline.withoutSnapshot()).isEqualTo(1);

        timeline.snapshotSent("b", 1_700_000_000_200L);
        assertThat(timeline.everySnapshotSent()).isTrue();
        assertThat(timeline.withoutSnapshot()).isZero();
    }

    private static FreshnessTimeline acceptedAtZero(String... innovations) {
        FreshnessTimeline timeline = new FreshnessTimeline();
        for (String innovation : innovations) {
            timeline.accepted(innovation, 0);
        }
        return timeline;
    }
}
