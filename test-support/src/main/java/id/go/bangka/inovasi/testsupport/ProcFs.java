package id.go.bangka.inovasi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

/**
 * What the benchmarks read of processes from Linux's {@code /proc}: CPU time (user and system) from
 * {@code /proc/<pid>/stat}, fields of {@code /proc/<pid>/status} such as VmRSS, and the load average. The one reader
 * every benchmark uses (the local platform's and the gateway's).
 */
public final class ProcFs {

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s CPU times: 100 on every mainstream kernel. */
    private static final int CLOCK_TICKS = 100;

    private ProcFs() {
    }

    /** CPU milliseconds each named process has used so far. */
    public static Map<String, Long> cpuMillis(Map<String, Long> pids) {
        return each(pids, ProcFs::cpuMillis);
    }

    /** Each process's CPU milliseconds between two readings, divided by {@code answers}. */
    public static Map<String, Double> perAnswer(Map<String, Long> before, Map<String, Long> after, long answers) {
        Map<String, Double> perAnswer = new LinkedHashMap<>();
        after.forEach((process, ms) -> perAnswer.put(process,
                (ms - before.getOrDefault(process, 0L)) / (double) Math.max(1, answers)));
        return perAnswer;
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat} (utime, stime), counted after the command's closing parenthesis. */
    public static long cpuMillis(long pid) {
        return statFields(pid, 11, 12);
    }

    /**
     * CPU milliseconds (fields 16 and 17, cutime and cstime) of a process's children that it has waited for: Linux
     * adds a child's CPU there once its parent reaps it, so a load generator run as a child is counted after its end.
     */
    public static long childrenCpuMillis(long pid) {
        return statFields(pid, 13, 14);
    }

    /** Two CPU-time fields of {@code /proc/<pid>/stat} (indexes after the command), in milliseconds; 0 when gone. */
    private static long statFields(long pid, int first, int second) {
        try {
            String[] fields = fields(Files.readString(Path.of("/proc/" + pid + "/stat")));
            return (Long.parseLong(fields[first]) + Long.parseLong(fields[second])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU milliseconds each named process's JIT compiler threads ({@code C1 CompilerThread}, {@code C2
     * CompilerThread}) have used so far: the part of a process's CPU that goes to compiling its code, not to running
     * it, large while a JVM is still warming up.
     */
    public static Map<String, Long> jitMillis(Map<String, Long> pids) {
        return each(pids, ProcFs::jitMillis);
    }

    /** One reading of each named process, in the given order. */
    private static Map<String, Long> each(Map<String, Long> pids, LongUnaryOperator reading) {
        Map<String, Long> millis = new LinkedHashMap<>();
        pids.forEach((process, pid) -> millis.put(process, reading.applyAsLong(pid)));
        return millis;
    }

    /** The CPU milliseconds of a JVM's compiler threads, from {@code /proc/<pid>/task/<tid>/stat}; 0 when gone. */
    public static long jitMillis(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.mapToLong(ProcFs::compilerThreadMillis).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long compilerThreadMillis(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            return statMillis(stat);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The CPU milliseconds (utime and stime, fields 14 and 15) of a process's or thread's {@code stat} line. */
    private static long statMillis(String stat) {
        String[] fields = fields(stat);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
    }

    /** The fields of a {@code stat} line after the command's closing parenthesis: field 3 (state) first. */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** A field of {@code /proc/<pid>/status} in kB, such as {@code VmRSS:}; 0 when the process is gone. */
    public static long statusKib(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith(field)).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Resident memory (VmRSS) in KiB. */
    public static long residentKib(long pid) {
        return statusKib(pid, "VmRSS:");
    }

    /** The load averages over 1, 5 and 15 minutes. */
    public static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + " " + load[1] + " " + load[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
