package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Evidence;
import id.go.bangka.inovasi.events.InnovationChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IID indicators and weights per assessment period, as data ({@code inovasi.catalog.indicators-location}), never
 * in code; the current period's are used for claimed and verified scores.
 */
@Component
public class IndicatorCatalog {

    private record Period(String source, List<Indicator> indicators) {
    }

    private record File(Map<String, Period> periods) {
    }

    private final Map<String, Indicator> current = new LinkedHashMap<>();
    private final String period;

    public IndicatorCatalog(ResourceLoader resources,
            @Value("${inovasi.catalog.indicators-location:classpath:iid-indicators.json}") String location,
            @Value("${inovasi.catalog.assessment-period:2026}") String period) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            Period chosen = JsonMapper.builder().build().readValue(in, File.class).periods().get(period);
            if (chosen == null) {
                throw new IllegalStateException("No IID indicators for period " + period + " in " + resource);
            }
            chosen.indicators().forEach(i -> current.put(i.code(), i));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read IID indicators " + resource, e);
        }
        this.period = period;
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(current.get(code));
    }

    public List<Indicator> all() {
        return List.copyOf(current.values());
    }

    public String period() {
        return period;
    }

    /** Claimed (every row: weight x parameter) and verified (rows with accepted evidence) scores of the period. */
    public InnovationChanged.Scores scores(Map<String, Evidence> evidence) {
        int claimed = 0;
        int verified = 0;
        int accepted = 0;
        for (Evidence e : evidence.values()) {
            int weight = find(e.indicator()).map(Indicator::weight).orElse(0);
            claimed += weight * e.parameter();
            if (e.state() == Evidence.State.ACCEPTED) {
                verified += weight * e.parameter();
                accepted++;
            }
        }
        return new InnovationChanged.Scores(period, claimed, verified, evidence.size(), accepted);
    }
}
