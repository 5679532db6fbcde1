package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.testsupport.ProcFs;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void aChildsCpuIsCountedAsItsParentsOnceWaitedFor() throws Exception {
        long self = ProcessHandle.current().pid();
        long before = ProcFs.childrenCpuMillis(self);

        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; times")
                .start();
        String times = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child's busy loop ends").isTrue();

        long childMillis = shellTimesMillis(times);
        assertThat(childMillis).as("the shell's own user and system time: " + times).isGreaterThanOrEqualTo(50);
        assertThat(ProcFs.childrenCpuMillis(self) - before).as("the child's CPU, to a tick of 10 ms either way")
                .isBetween(childMillis - 20, childMillis + 20);
        assertThat(ProcFs.childrenCpuMillis(Long.MAX_VALUE)).as("no such process").isZero();
    }

    /** The first line of the shell's {@code times}: its user and system time, as {@code 0m0.310000s 0m0.000000s}. */
    private static long shellTimesMillis(String times) {
        Matcher time = Pattern.compile("(\\d+)m([\\d.]+)s").matcher(times.lines().findFirst().orElseThrow());
        long millis = 0;
        while (time.find()) {
            millis += Long.parseLong(time.group(1)) * 60_000 + Math.round(Double.parseDouble(time.group(2)) * 1000);
        }
        return millis;
    }
}
