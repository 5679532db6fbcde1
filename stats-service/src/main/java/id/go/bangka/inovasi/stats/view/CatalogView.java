package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The latest snapshot of every innovation, in memory. A snapshot that is not newer than the one held changes nothing,
 * so redelivery and reordering are harmless.
 */
@Component
public class CatalogView {

    private final Map<UUID, InnovationChanged> latest = new ConcurrentHashMap<>();

    /** Keeps the snapshot if it is newer than the one held; returns whether it did. */
    public boolean apply(InnovationChanged snapshot) {
        boolean[] applied = {false};
        latest.compute(snapshot.innovationId(), (id, held) -> {
            if (held == null || snapshot.version() > held.version()) {
                applied[0] = true;
                return snapshot;
            }
            return held;
        });
        return applied[0];
    }

    public Collection<InnovationChanged> all() {
        return Collections.unmodifiableCollection(latest.values());
    }

    public int size() {
        return latest.size();
    }
}
