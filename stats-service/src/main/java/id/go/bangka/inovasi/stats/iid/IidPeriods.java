package id.go.bangka.inovasi.stats.iid;

import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.QueryParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IID assessment periods, read once from {@code inovasi.stats.iid-periods}; a period whose data disagree or cite
 * no source stops the start.
 */
@Component
public class IidPeriods {

    private final TreeMap<String, IidPeriod> periods;

    public IidPeriods(StatsProperties properties) {
        try (InputStream in = properties.iidPeriods().getInputStream()) {
            Document document = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build().readValue(in, Document.class);
            this.periods = new TreeMap<>(document.periods());
        } catch (IOException e) {
            throw new UncheckedIOException("IID periods unreadable: " + properties.iidPeriods(), e);
        }
        if (periods.isEmpty()) {
            throw new IllegalStateException("No IID period in " + properties.iidPeriods());
        }
        periods.forEach((name, period) -> {
            if (!period.problems().isEmpty()) {
                throw new IllegalStateException("IID period " + name + " in " + properties.iidPeriods() + ": "
                        + period.problems());
            }
        });
    }

    /** The latest period's name. */
    public String latest() {
        return periods.lastKey();
    }

    /** Every period by name, in order. */
    public Map<String, IidPeriod> all() {
        return Collections.unmodifiableMap(periods);
    }

    /** The period of that name, or a 400 problem listing the known ones. */
    public IidPeriod get(String name) {
        IidPeriod period = periods.get(name);
        if (period == null) {
            throw QueryParams.invalid("period", "must be one of " + periods.keySet());
        }
        return period;
    }

    private record Document(Map<String, IidPeriod> periods) {
    }
}
