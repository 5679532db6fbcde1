package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.ApiClient.Answer;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reviewers and the owner's evidence clerk racing a portal's revisions through the gateway: on the portal's
 * innovations (half the time one it has just revised, else one it created a while ago), in turn, a review decision
 * (REQUEST_REVISION of a submitted innovation, now and then VERIFY, with {@code If-Match}), the owner's evidence for an
 * indicator (PUT, which resets it to PENDING) and a reviewer's acceptance of evidence declared before. Each is a
 * synchronous write of catalog-service on an HTTP thread while its consumer applies the portal's revisions of the same
 * innovations, so both write and publish snapshots of one key at once. Answers are only counted: what the catalogue
 * holds afterwards is checked against its history and the snapshot topic.
 */
final class SimulatedReviewer implements Runnable {

    private static final List<String> INDICATORS = List.of("16", "17", "33", "35");
    private static final int RECENT = 3;

    private final ApiClient gateway;
    private final Map<String, String> reviewer;
    private final Map<String, String> owner;
    private final Targets innovations;
    private final long pauseMillis;
    private final AtomicBoolean running;
    private final Random random = new Random(15);
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Map<String, String> declared = new HashMap<>();
    private int sequence;

    /** The reviewed portal's innovations: those it created, and those it revised (latest last). */
    record Targets(List<String> created, List<String> revised) {

        Targets() {
            this(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        /** One just revised, or one created before the latest fifth (so most likely applied by now); or null. */
        String pick(Random random) {
            if (random.nextBoolean() && !revised.isEmpty()) {
                return revised.get(Math.max(0, revised.size() - 1 - random.nextInt(RECENT)));
            }
            int settled = created.size() * 4 / 5;
            return settled == 0 ? null : created.get(random.nextInt(settled));
        }
    }

    SimulatedReviewer(String gatewayUri, String reviewerKey, String ownerKey, Targets innovations,
            double perSecond, AtomicBoolean running) {
        this.gateway = new ApiClient(gatewayUri);
        this.reviewer = Map.of("X-Api-Key", reviewerKey);
        this.owner = Map.of("X-Api-Key", ownerKey);
        this.innovations = innovations;
        this.pauseMillis = Math.round(1000 / perSecond);
        this.running = running;
    }

    @Override
    public void run() {
        while (running.get()) {
            long started = System.nanoTime();
            String target = innovations.pick(random);
            if (target != null) {
                act(target);
            }
            long left = pauseMillis - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                ServiceProcess.sleep(left);
            }
        }
    }

    /** Answers by action and status, such as {@code REQUEST_REVISION 200} or {@code EVIDENCE 409}. */
    Map<String, AtomicInteger> answers() {
        return answers;
    }

    private void act(String id) {
        String path = "/api/v1/innovations/" + id;
        try {
            int turn = sequence++ % 3;
            if (turn == 0) {
                decide(path);
            } else if (turn == 2 && declared.containsKey(id)) {
                count("EVIDENCE_ACCEPTED", gateway.post(path + "/evidence/" + declared.get(id) + "/verification",
                        reviewer, "{\"state\":\"ACCEPTED\",\"note\":\"Bukti sesuai\"}"));
            } else {
                String indicator = INDICATORS.get(random.nextInt(INDICATORS.size()));
                Answer answer = gateway.put(path + "/evidence/" + indicator, owner,
                        "{\"parameter\":" + (1 + random.nextInt(3)) + "}");
                if (answer.status() == 200) {
                    declared.put(id, indicator);
                }
                count("EVIDENCE", answer);
            }
        } catch (UncheckedIOException connectionError) {
            count("connection error", null);
        }
    }

    private void decide(String path) {
        Answer current = gateway.get(path, reviewer);
        if (current.status() != 200) {
            count("READ", current);
            return;
        }
        String decision = !current.body().get("status").asString().equals("SUBMITTED") ? null
                : random.nextInt(10) == 0 ? "VERIFY" : "REQUEST_REVISION";
        if (decision == null) {
            count("NOTHING_TO_DECIDE", null);
            return;
        }
        Map<String, String> headers = new HashMap<>(reviewer);
        headers.put("If-Match", "\"" + current.body().get("version").asLong() + "\"");
        count(decision, gateway.post(path + "/review", headers, "{\"decision\":\"" + decision + "\"}"));
    }

    private void count(String action, Answer answer) {
        answers.computeIfAbsent(action + (answer == null ? "" : " " + answer.status()), a -> new AtomicInteger())
                .incrementAndGet();
    }
}
