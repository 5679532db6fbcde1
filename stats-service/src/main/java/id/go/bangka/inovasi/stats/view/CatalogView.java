package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The latest facts of every innovation, in memory. A snapshot that is not newer than the one held changes nothing,
 * so redelivery and reordering are harmless. {@link #generation()} grows with every change, so readers can cache
 * what they computed from one state of the view; {@link #onChange} tells a reader each change as it is made, so it
 * can keep numbers up to date without a pass over the view.
 */
@Component
public class CatalogView {

    /** One change of the view: an innovation's facts before ({@code null} when it is new) and after. */
    @FunctionalInterface
    public interface Change {
        void changed(InnovationFacts before, InnovationFacts after);
    }

    private final Map<UUID, InnovationFacts> latest = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final List<Change> listeners = new CopyOnWriteArrayList<>();

    /**
     * Tells {@code listener} every innovation held now (as new) and then every change, in each innovation's order:
     * the listener runs while that innovation's entry is locked, so it must be quick. Register before snapshots are
     * applied concurrently (as beans are, before the consumer starts); an innovation applied while this runs may be
     * told twice. A listener that throws fails the snapshot's apply (the consumer's error handling then takes over),
     * so a listener must not throw for a change it was told in order.
     */
    public void onChange(Change listener) {
        listeners.add(listener);
        latest.values().forEach(facts -> listener.changed(null, facts));
    }

    /** Keeps the snapshot's facts if it is newer than what is held; returns whether it did. */
    public boolean apply(InnovationChanged snapshot) {
        InnovationFacts facts = InnovationFacts.of(snapshot);
        boolean[] applied = {false};
        latest.compute(facts.id(), (id, held) -> {
            if (held == null || facts.version() > held.version()) {
                applied[0] = true;
                listeners.forEach(listener -> listener.changed(held, facts));
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
