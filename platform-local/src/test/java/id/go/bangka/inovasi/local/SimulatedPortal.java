package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.events.fixtures.Proposals;
import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One OPD portal under load: submits new innovations at a steady pace through the gateway and revises some of them,
 * each write with its own Idempotency-Key. A 503, 502, 504 or 429 is retried after {@code Retry-After}, a connection
 * error after a second, always with the same key and body, until the write is accepted (202). A reviewed portal's
 * innovations are also changed by a {@link SimulatedReviewer}, so it reads the current version before each revision
 * (and revises only what the lifecycle lets it revise); its revisions may then be rejected as stale.
 */
final class SimulatedPortal implements Runnable {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final int REVISE_EVERY = 4;
    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    /**
     * A write the gateway answered with 202.
     *
     * @param innovationId    the innovation created or revised
     * @param expectedVersion the version this write makes of it once applied
     * @param title           the title it gives the innovation
     * @param reviewed          whether a reviewer changes the innovation too (a revision may then be stale)
     */
    record Accepted(String portal, String opdCode, String submissionId, String innovationId, long expectedVersion,
            String title, boolean reviewed) {
    }

    private record Tracked(String innovationId, String title, long version) {
    }

    private final String name;
    private final String apiKey;
    private final String opdCode;
    private final ApiClient gateway;
    private final long pauseMillis;
    private final AtomicBoolean running;
    private final List<Accepted> accepted = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final Map<Integer, AtomicInteger> statuses;
    private final AtomicInteger retried;
    private final AtomicInteger connectionErrors;
    private final AtomicInteger unavailableWithoutRetryAfter;
    private final Queue<Instant> unavailableAt;
    private final AtomicLong longestAccepted;
    private final List<Tracked> mine = new ArrayList<>();
    private final SimulatedReviewer.Targets reviewed;
    private int sequence;

    /**
     * A portal; with {@code reviewed} not null, every innovation it creates or revises is added there for the
     * reviewer, and each revision starts from the version the catalogue holds then.
     */
    SimulatedPortal(String name, String apiKey, String opdCode, String gatewayUri, double perSecond,
            AtomicBoolean running, LoadCounters counters, SimulatedReviewer.Targets reviewed) {
        this.reviewed = reviewed;
        this.name = name;
        this.apiKey = apiKey;
        this.opdCode = opdCode;
        this.gateway = new ApiClient(gatewayUri);
        this.pauseMillis = Math.round(1000 / perSecond);
        this.running = running;
        this.statuses = counters.statuses();
        this.retried = counters.retried();
        this.connectionErrors = counters.connectionErrors();
        this.unavailableWithoutRetryAfter = counters.unavailableWithoutRetryAfter();
        this.unavailableAt = counters.unavailableAt();
        this.longestAccepted = counters.longestAccepted();
    }

    /**
     * Counters every portal of one load adds to.
     *
     * @param unavailableAt   when each 503 arrived
     * @param longestAccepted the longest a request answered 202 took, in milliseconds
     */
    record LoadCounters(Map<Integer, AtomicInteger> statuses, AtomicInteger retried,
            AtomicInteger connectionErrors, AtomicInteger unavailableWithoutRetryAfter, Queue<Instant> unavailableAt,
            AtomicLong longestAccepted) {

        LoadCounters() {
            this(new ConcurrentHashMap<>(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
                    new ConcurrentLinkedQueue<>(), new AtomicLong());
        }

        /** From the first 503 to the last one (zero without any). */
        Duration unavailableSpan() {
            return unavailableAt.isEmpty() ? Duration.ZERO : Duration.between(
                    unavailableAt.stream().min(Instant::compareTo).orElseThrow(),
                    unavailableAt.stream().max(Instant::compareTo).orElseThrow());
        }

        int count(int status) {
            AtomicInteger count = statuses.get(status);
            return count == null ? 0 : count.get();
        }
    }

    @Override
    public void run() {
        while (running.get()) {
            long started = System.nanoTime();
            sequence++;
            if (sequence % REVISE_EVERY != 0 || mine.isEmpty()
                    || !revise(current(mine.get((sequence / REVISE_EVERY) % mine.size())))) {
                create();
            }
            long left = pauseMillis - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                ServiceProcess.sleep(left);
            }
        }
    }

    List<Accepted> accepted() {
        return accepted;
    }

    /** Writes that were answered with neither 202 nor a retryable status (none are expected). */
    List<String> refused() {
        return refused;
    }

    private void create() {
        String title = "Inovasi " + name + " nomor " + sequence;
        String key = name + "-create-" + sequence;
        Answer answer = untilAccepted(key, "/api/v1/submissions", null,
                Proposals.json(title, opdCode, "HEALTH", 2024));
        if (answer != null) {
            String innovationId = answer.body().get("innovationId").asString();
            accepted.add(new Accepted(name, opdCode, answer.body().get("submissionId").asString(), innovationId, 1,
                    title, reviewed != null));
            mine.add(new Tracked(innovationId, title, 1));
            if (reviewed != null) {
                reviewed.created().add(innovationId);
            }
        }
    }

    /**
     * What a reviewed portal finds in the catalogue before revising: the version, or null when the lifecycle does not
     * let it revise the innovation now; the tracked version for an unreviewed portal, or when the catalogue does not
     * answer.
     */
    private Tracked current(Tracked tracked) {
        if (reviewed == null) {
            return tracked;
        }
        Answer answer;
        try {
            answer = gateway.get("/api/v1/innovations/" + tracked.innovationId(), Map.of("X-Api-Key", apiKey));
        } catch (UncheckedIOException connectionError) {
            return tracked;
        }
        if (answer.status() != 200) {
            return tracked;
        }
        String status = answer.body().get("status").asString();
        return status.equals("SUBMITTED") || status.equals("REVISION_REQUESTED")
                ? new Tracked(tracked.innovationId(), tracked.title(), answer.body().get("version").asLong()) : null;
    }

    /** Revises an innovation from the given version; false when there is nothing to revise. */
    private boolean revise(Tracked current) {
        if (current == null) {
            return false;
        }
        String title = current.title().replaceFirst(" \\(revisi \\d+\\)$", "") + " (revisi " + current.version() + ")";
        String key = name + "-revise-" + sequence;
        Answer answer = untilAccepted(key, "/api/v1/innovations/" + current.innovationId(),
                "\"" + current.version() + "\"", Proposals.json(title, opdCode, "HEALTH", 2024));
        if (answer != null) {
            long version = current.version() + 1;
            accepted.add(new Accepted(name, opdCode, answer.body().get("submissionId").asString(),
                    current.innovationId(), version, title, reviewed != null));
            mine.replaceAll(t -> t.innovationId().equals(current.innovationId())
                    ? new Tracked(current.innovationId(), title, version) : t);
            if (reviewed != null) {
                reviewed.revised().add(current.innovationId());
            }
        }
        return true;
    }

    private Answer untilAccepted(String key, String path, String ifMatch, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Api-Key", apiKey, "Idempotency-Key", key));
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        Instant giveUp = Instant.now().plus(GIVE_UP);
        for (int attempt = 0; Instant.now().isBefore(giveUp); attempt++) {
            if (attempt > 0) {
                retried.incrementAndGet();
            }
            Answer answer;
            long sent = System.nanoTime();
            try {
                answer = ifMatch == null ? gateway.post(path, headers, body) : gateway.put(path, headers, body);
            } catch (UncheckedIOException connectionError) {
                connectionErrors.incrementAndGet();
                ServiceProcess.sleep(1000);
                continue;
            }
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.status() == 503) {
                unavailableAt.add(Instant.now());
                if (answer.header("Retry-After") == null) {
                    unavailableWithoutRetryAfter.incrementAndGet();
                }
            }
            if (answer.status() == 202) {
                longestAccepted.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
                return answer;
            }
            if (!RETRYABLE.contains(answer.status())) {
                refused.add(key + " -> " + answer.status() + " " + answer.body());
                return null;
            }
            ServiceProcess.sleep(retryAfterMillis(answer));
        }
        refused.add(key + " -> no 202 within " + GIVE_UP);
        return null;
    }

    private static long retryAfterMillis(Answer answer) {
        String retryAfter = answer.header("Retry-After");
        if (retryAfter == null) {
            return 1000;
        }
        try {
            return Math.min(10, Math.max(1, Long.parseLong(retryAfter.trim()))) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
