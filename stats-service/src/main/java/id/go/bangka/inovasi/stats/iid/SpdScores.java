package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.events.SpdRecorded;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The regency's recorded SPD per assessment period, as read from {@code inovasi.assessments.v1}: the newest version
 * of each period's record; an older or repeated one changes nothing.
 */
@Component
public class SpdScores {

    private final ConcurrentMap<String, SpdRecorded> byPeriod = new ConcurrentHashMap<>();

    /** Keeps the record when it is newer than the one held for its period; returns whether it was. */
    public boolean apply(SpdRecorded record) {
        if (record.period() == null) {
            throw new IllegalArgumentException("SPD record without period");
        }
        boolean[] applied = {false};
        byPeriod.compute(record.period(), (period, held) -> {
            applied[0] = held == null || record.version() > held.version();
            return applied[0] ? record : held;
        });
        return applied[0];
    }

    /** The period's record, if one was recorded. */
    public Optional<SpdRecorded> find(String period) {
        return Optional.ofNullable(byPeriod.get(period));
    }
}
