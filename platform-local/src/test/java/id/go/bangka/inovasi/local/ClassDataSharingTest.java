package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which JVM options keep class data sharing archives apart. */
class ClassDataSharingTest {

    @Test
    void theTestsRunLocalsAndAProfiledBenchmarksOptionsShareOneArchive() {
        List<String> tests = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MetaspaceSize=64m", "-Dinovasi.example=1");
        List<String> runLocal = List.of("-Xms320m", "-Xmx320m", "-XX:+UseSerialGC", "-Xss512k",
                "-XX:MetaspaceSize=64m");
        List<String> profiled = List.of("-Xms320m", "-Xmx320m", "-XX:+UseSerialGC", "-Xss512k",
                "-Xlog:gc:file=/tmp/bench/svc-gc-%p.log",
                "-XX:StartFlightRecording=filename=/tmp/bench/,settings=profile");

        assertThat(ClassDataSharing.archiveOptions(tests)).containsExactly("-XX:+UseSerialGC");
        assertThat(ClassDataSharing.archiveOptions(runLocal)).containsExactly("-XX:+UseSerialGC");
        assertThat(ClassDataSharing.archiveOptions(profiled)).containsExactly("-XX:+UseSerialGC");
    }

    @Test
    void anotherCollectorOrOopEncodingGetsAnArchiveOfItsOwn() {
        assertThat(ClassDataSharing.archiveOptions(List.of("-Xmx1g", "-XX:+UseG1GC", "-XX:-UseCompressedOops")))
                .containsExactly("-XX:+UseG1GC", "-XX:-UseCompressedOops");
    }
}
