package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** When a benchmark's step may begin: once the platform's CPU falls to a tenth of a core, or at the deadline. */
class QuietWaitTest {

    private final List<Long> slept = new ArrayList<>();

    @Test
    void waitsUntilASecondUsesATenthOfACore() throws InterruptedException {
        Iterator<Long> cpu = List.of(0L, 900L, 1_700L, 2_000L, 2_080L, 2_100L).iterator();

        QuietWait.Outcome outcome = QuietWait.await(cpu::next, Duration.ofSeconds(60), slept::add);

        assertThat(outcome).isEqualTo(new QuietWait.Outcome(4, true, 80));
        assertThat(slept).containsExactly(1000L, 1000L, 1000L, 1000L);
        assertThat(outcome.describe()).isEqualTo("quiet after 4 s");
    }

    @Test
    void aSecondOfExactlyATenthCountsAsQuiet() throws InterruptedException {
        Iterator<Long> cpu = List.of(500L, 600L).iterator();

        assertThat(QuietWait.await(cpu::next, Duration.ofSeconds(60), slept::add))
                .isEqualTo(new QuietWait.Outcome(1, true, 100));
    }

    @Test
    void aTotalThatFallsIsNotQuiet() throws InterruptedException {
        Iterator<Long> cpu = List.of(5_000L, 1_200L, 1_250L).iterator();

        assertThat(QuietWait.await(cpu::next, Duration.ofSeconds(60), slept::add))
                .as("a process gone makes the total fall; the second after that is the quiet one")
                .isEqualTo(new QuietWait.Outcome(2, true, 50));
    }

    @Test
    void givesUpAtTheDeadlineAndSaysHowBusyTheLastSecondWas() throws InterruptedException {
        Iterator<Long> cpu = LongStream.iterate(0, ms -> ms + 700).iterator();

        QuietWait.Outcome outcome = QuietWait.await(cpu::next, Duration.ofSeconds(5), slept::add);

        assertThat(outcome).isEqualTo(new QuietWait.Outcome(5, false, 700));
        assertThat(slept).hasSize(5);
        assertThat(outcome.describe())
                .isEqualTo("still busy after 5 s (700 ms of CPU in the last second), measured anyway");
    }
}
