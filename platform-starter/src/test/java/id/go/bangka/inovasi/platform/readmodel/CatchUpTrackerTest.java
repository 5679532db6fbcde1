package id.go.bangka.inovasi.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catch-up check counts the live binding's offsets only once the start-up restore is done. */
class CatchUpTrackerTest {

    private final List<Long> applied = new ArrayList<>();
    private final ReadModelFeed feed = new ReadModelFeed("test", "topic", "test-in-0",
            (headers, payload) -> applied.add((long) payload[0]), null);

    @Test
    void aLiveRecordPastTheEndOffsetsDoesNotMakeAHalfRestoredModelReady() {
        CatchUpTracker tracker = new CatchUpTracker("topic", () -> Map.of(0, 3L));
        ReadModelRecords records = new ReadModelRecords(feed, tracker);

        records.applyRestored(List.of(restored(0), restored(1)), false);
        records.apply(Map.of(), new byte[] {3}, 0, 3L);

        assertThat(tracker.progress().caughtUp()).as("offset 2 is not applied yet").isFalse();
        assertThat(tracker.progress().remaining()).isEqualTo(1);
        records.applyRestored(List.of(restored(2)), true);
        assertThat(tracker.progress().caughtUp()).isTrue();
        assertThat(tracker.progress().applied()).containsEntry(0, 3L);
        assertThat(applied).containsExactly(0L, 1L, 3L, 2L);
    }

    @Test
    void liveRecordsCountOnceTheRestoreIsDone() {
        CatchUpTracker tracker = new CatchUpTracker("topic", () -> Map.of(0, 5L));
        ReadModelRecords records = new ReadModelRecords(feed, tracker);

        records.applyRestored(List.of(restored(0), restored(1), restored(2)), true);
        records.apply(Map.of(), new byte[] {3}, 0, 3L);
        assertThat(tracker.progress().caughtUp()).isFalse();
        records.apply(Map.of(), new byte[] {4}, 0, 4L);

        assertThat(tracker.progress().caughtUp()).as("end offsets fetched after the restore's").isTrue();
    }

    private static ReadModelRecord restored(long offset) {
        return new ReadModelRecord(new byte[] {1}, Map.of(), new byte[] {(byte) offset}, 0, offset);
    }
}
