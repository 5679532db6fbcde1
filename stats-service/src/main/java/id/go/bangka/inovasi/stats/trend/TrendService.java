package id.go.bangka.inovasi.stats.trend;

import id.go.bangka.inovasi.stats.StatsProperties;
import id.go.bangka.inovasi.stats.query.Filters;
import id.go.bangka.inovasi.stats.view.CatalogView;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Computes trends on read from the received, verified and published instants each innovation carries. */
@Service
public class TrendService {

    private final CatalogView view;
    private final ZoneId zone;

    public TrendService(CatalogView view, StatsProperties properties) {
        this.view = view;
        this.zone = properties.zone();
    }

    public Trend trend(Interval interval, Filters filters) {
        TreeMap<YearMonth, long[]> buckets = new TreeMap<>();
        for (InnovationFacts facts : view.all()) {
            if (filters.test(facts)) {
                count(buckets, interval, facts.submittedAt(), 0);
                count(buckets, interval, facts.verifiedAt(), 1);
                count(buckets, interval, facts.publishedAt(), 2);
            }
        }
        List<Trend.Point> points = new ArrayList<>();
        if (!buckets.isEmpty()) {
            YearMonth last = buckets.lastKey();
            for (YearMonth b = buckets.firstKey(); !b.isAfter(last); b = interval.next(b)) {
                long[] c = buckets.getOrDefault(b, new long[3]);
                points.add(new Trend.Point(interval.label(b), c[0], c[1], c[2]));
            }
        }
        return new Trend(filters.scope().name(), interval.name().toLowerCase(Locale.ROOT), zone.getId(), points);
    }

    private void count(Map<YearMonth, long[]> buckets, Interval interval, long epochSecond, int column) {
        if (epochSecond != InnovationFacts.NONE) {
            YearMonth month = YearMonth.from(Instant.ofEpochSecond(epochSecond).atZone(zone));
            buckets.computeIfAbsent(interval.bucket(month), b -> new long[3])[column]++;
        }
    }
}
