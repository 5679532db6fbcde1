package id.go.bangka.inovasi.local;

import id.go.bangka.inovasi.local.SimulatedPortal.Accepted;
import id.go.bangka.inovasi.local.SimulatedPortal.LoadCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Simulated OPD portals writing through the gateway, one thread each, adding to one set of {@link LoadCounters} until
 * stopped; more simulated callers (a reviewer) may run beside them until the same stop.
 */
final class PortalLoad {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LoadCounters counters = new LoadCounters();
    private final List<SimulatedPortal> portals = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Starts a portal {@code portal-<opd>} per OPD code with its API key.
     *
     * @param reviewedOpd the OPD whose innovations a reviewer changes too (they are added to {@code reviewed}), or null
     */
    PortalLoad(Map<String, String> keysByOpd, String gatewayUri, double perPortalPerSecond, String reviewedOpd,
            SimulatedReviewer.Targets reviewed) {
        keysByOpd.forEach((opd, key) -> {
            String name = "portal-" + opd.toLowerCase(Locale.ROOT);
            SimulatedPortal portal = new SimulatedPortal(name, key, opd, gatewayUri, perPortalPerSecond, running,
                    counters, opd.equals(reviewedOpd) ? reviewed : null);
            portals.add(portal);
            start(name, portal);
        });
    }

    /** Runs another simulated caller on a thread of its own, stopped with the portals. */
    void start(String name, Runnable caller) {
        Thread thread = new Thread(caller, name);
        thread.start();
        threads.add(thread);
    }

    /** Whether the load runs; the callers started beside the portals stop when it turns false. */
    AtomicBoolean running() {
        return running;
    }

    LoadCounters counters() {
        return counters;
    }

    /** Stops every caller and waits (at most two minutes each) for the write in hand to finish. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(2).toMillis());
        }
    }

    /** Every write answered 202, by all portals. */
    List<Accepted> accepted() {
        return portals.stream().flatMap(p -> p.accepted().stream()).toList();
    }

    /** Every write answered with a status that is not retried. */
    List<String> refused() {
        return portals.stream().flatMap(p -> p.refused().stream()).toList();
    }
}
