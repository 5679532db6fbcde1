package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the benchmarks read of processes from /proc. */
class ProcFsTest {

    @Test
    void aJvmsCompilerThreadsAreFoundAndAreAPartOfItsCpu() {
        long self = ProcessHandle.current().pid();

        long jit = ProcFs.jitMillis(self);

        assertThat(jit).as("this JVM has compiled the test framework by now").isPositive()
                .isLessThanOrEqualTo(ProcFs.cpuMillis(self));
        assertThat(ProcFs.jitMillis(Long.MAX_VALUE)).as("no such process").isZero();
    }
}
