package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Class data sharing for a service's start: its Spring Boot jar extracted once (the application jar and its
 * libraries as plain files, which the JVM's CDS needs) under {@code <module>/target/cds}, and a dynamic archive of the
 * classes a start loads, written by a training run that stops where the context would start its beans
 * ({@code -Dspring.context.exit=onRefresh}: no port, broker or database is touched). Later starts map the archive
 * instead of loading, parsing and verifying those classes again. Each jar, JDK and set of JVM options that could
 * change which archive a JVM maps ({@link #archiveOptions}) has its own directory, so a new build or other options
 * never delete files a running service uses; when extraction or training fails the service starts from its jar as
 * before. {@code INOVASI_CDS=off} turns it off.
 */
final class ClassDataSharing {

    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Pattern IGNORED = Pattern.compile(
            "-Xm[sxn]|-Xss|-D|-Xlog:|-XX:StartFlightRecording|-XX:FlightRecorderOptions|-XX:TieredStopAtLevel="
                    + "|-XX:MetaspaceSize=");

    private ClassDataSharing() {
    }

    /**
     * The arguments after the JVM options that start {@code jar}: {@code -XX:SharedArchiveFile=... -jar <extracted>}
     * once an archive exists, else {@code -jar <jar>}.
     */
    static List<String> launch(Path jar, List<String> jvmOptions, Map<String, String> environment) {
        if ("off".equalsIgnoreCase(environment.getOrDefault("INOVASI_CDS", System.getenv("INOVASI_CDS")))) {
            return List.of("-jar", jar.toString());
        }
        try {
            String variant = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                    + System.getProperty("java.vm.version") + " " + String.join(" ", archiveOptions(jvmOptions));
            Path directory = jar.getParent().resolve("cds").resolve(Integer.toHexString(variant.hashCode()));
            Path extracted = directory.resolve("app").resolve(jar.getFileName());
            Path archive = directory.resolve("app.jsa");
            synchronized (LOCKS.computeIfAbsent(directory, d -> new Object())) {
                if (!Files.exists(archive)) {
                    prepare(jar, directory, extracted, archive, jvmOptions, environment);
                }
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
                    extracted.toString());
        } catch (IOException | IllegalStateException e) {
            System.err.println("[run-local] no class data sharing for " + jar.getFileName() + ": " + e.getMessage());
            return List.of("-jar", jar.toString());
        }
    }

    /**
     * The JVM options an archive is kept apart for: all but heap and stack sizes, the metaspace threshold, system
     * properties, logging, flight recording and the JIT's highest tier, which do not change the classes a start loads
     * from the jar nor whether the JVM can map an archive written with others (a JVM that cannot map one starts
     * without it). So the tests' services, {@code ./run-local.sh}'s and a benchmark's with a GC log or a profile share
     * one training per build.
     */
    static List<String> archiveOptions(List<String> jvmOptions) {
        return jvmOptions.stream().filter(option -> !IGNORED.matcher(option).lookingAt()).toList();
    }

    private static void prepare(Path jar, Path directory, Path extracted, Path archive, List<String> jvmOptions,
            Map<String, String> environment) throws IOException {
        Processes.deleteRecursively(directory);
        Files.createDirectories(directory);
        Path log = directory.resolve("training.log");
        run(List.of(Processes.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.getParent().toString()), Map.of(), log);
        List<String> training = new ArrayList<>();
        training.add(Processes.java());
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extracted.toString()));
        run(training, environment, log);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no archive; see " + log);
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " of " + command.get(command.size() - 1)
                    + "; see " + log);
        }
    }
}
