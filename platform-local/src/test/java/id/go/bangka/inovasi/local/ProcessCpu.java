package id.go.bangka.inovasi.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the local platform's processes from {@code /proc/<pid>/stat}: the launcher JVM (the MongoDB stand-in and
 * the load generator), Kafka and every service, in milliseconds of user and system time.
 */
final class ProcessCpu {

    /** The launcher's row: it holds the stand-in and the load generator together. */
    static final String LAUNCHER = "launcher (stand-in, load generator)";

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s CPU times: 100 on every mainstream kernel. */
    private static final int CLOCK_TICKS = 100;

    private ProcessCpu() {
    }

    /** CPU milliseconds each process has used so far, the launcher first. */
    static Map<String, Long> millis(LocalPlatform platform) {
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put(LAUNCHER, millis(ProcessHandle.current().pid()));
        platform.pids().forEach((process, pid) -> millis.put(process, millis(pid)));
        return millis;
    }

    /** Each process's CPU milliseconds between two readings, divided by {@code answers}. */
    static Map<String, Double> perAnswer(Map<String, Long> before, Map<String, Long> after, long answers) {
        Map<String, Double> perAnswer = new LinkedHashMap<>();
        after.forEach((process, ms) -> perAnswer.put(process,
                (ms - before.getOrDefault(process, 0L)) / (double) Math.max(1, answers)));
        return perAnswer;
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat} (utime, stime), counted after the command's closing parenthesis. */
    private static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
