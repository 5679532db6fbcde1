package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The latest facts of every innovation, in memory. A snapshot that is not newer than the one held changes nothing,
 * so redelivery and reordering are harmless. {@link #generation()} grows with every change, so readers can cache
 * what they computed from one state of the view.
 */
@Component
public class CatalogView {

    private final Map<UUID, InnovationFacts> latest = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** Keeps the snapshot's facts if it is newer than what is held; returns whether it did. */
    public boolean apply(InnovationChanged snapshot) {
        InnovationFacts facts = InnovationFacts.of(snapshot);
        boolean[] applied = {false};
        latest.compute(facts.id(), (id, held) -> {
            if (held == null || facts.version() > held.version()) {
                applied[0] = true;
                return facts;
            }
            return held;
        });
        if (applied[0]) {
            generation.incrementAndGet();
        }
        return applied[0];
    }

    /** Every innovation's facts; a weakly consistent view that never blocks the consumer. */
    public Collection<InnovationFacts> all() {
        return Collections.unmodifiableCollection(latest.values());
    }

    public int size() {
        return latest.size();
    }

    /** Changes applied so far. */
    public long generation() {
        return generation.get();
    }
}
