package id.go.bangka.inovasi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB stand-in runs with the same JVM options in {@code ./run-local.sh} (in the launcher's JVM) and in the
 * benchmarks ({@link StandInProcess#RUN_LOCAL_JAVA_OPTIONS}), so that what a benchmark measures is what run-local runs.
 * They had drifted apart once (256 MiB against 512 MiB of heap), unnoticed.
 */
class RunLocalStandInOptionsTest {

    @Test
    void runLocalStartsTheLauncherWithTheStandInOptionsTheBenchmarksUse() throws IOException {
        List<String> launches = Files.readAllLines(ComposeFileTest.REPO_ROOT.resolve("run-local.sh")).stream()
                .map(String::strip).filter(line -> line.startsWith("exec java ")).toList();

        assertThat(launches).singleElement().asString()
                .startsWith("exec java " + StandInProcess.RUN_LOCAL_JAVA_OPTIONS + " ");
    }
}
