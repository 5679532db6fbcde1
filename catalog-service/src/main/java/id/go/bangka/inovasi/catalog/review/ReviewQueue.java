package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.evidence.IndicatorCatalog;
import id.go.bangka.inovasi.catalog.innovation.InnovationPage;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The review queue: the items of one status, longest waiting first, filtered by bidang, OPD, text (the search index
 * answers which innovations match it) and waiting time, with the counts per status under the same filters.
 */
@Service
public class ReviewQueue {

    /** The facet holding the counts per status. */
    static final String STATUS_COUNTS = "status";

    private final InnovationStore store;
    private final SearchIndex search;
    private final IndicatorCatalog indicators;
    private final Clock clock;

    public ReviewQueue(InnovationStore store, SearchIndex search, IndicatorCatalog indicators, Clock clock) {
        this.store = store;
        this.search = search;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** One page of the queue for a reviewer (checked by the caller), with the counts per status. */
    public InnovationPage<QueueItem> page(CallerIdentity caller, QueueFilter filter, int page, int size) {
        Instant now = clock.instant();
        List<Criteria> filters = new ArrayList<>();
        if (filter.field() != null) {
            filters.add(Criteria.where("proposal.field").is(filter.field()));
        }
        if (filter.opdCode() != null) {
            filters.add(Criteria.where("proposal.opdCode").is(filter.opdCode()));
        }
        if (filter.waitingMoreThanDays() != null) {
            // More than N whole days: at least N + 1 days since the last change.
            filters.add(Criteria.where("updatedAt").lte(now.minus(Duration.ofDays(filter.waitingMoreThanDays() + 1L))));
        }
        CatalogFilter text = CatalogFilter.text(filter.q());
        if (text.hasText()) {
            List<UUID> matching = search.matching(text, caller, CatalogSort.NEWEST);
            if (matching.isEmpty()) {
                return new InnovationPage<>(List.of(), page, size, 0, Map.of(STATUS_COUNTS, counts(Map.of())));
            }
            filters.add(Criteria.where("_id").in(matching));
        }
        Map<String, Long> counts = counts(store.countBy(all(filters), "status"));
        filters.add(Criteria.where("status").is(filter.statusOrDefault()));
        Criteria criteria = all(filters);
        var period = indicators.all();
        List<QueueItem> items = store.page(criteria, page, size, Sort.by(Sort.Direction.ASC, "updatedAt")).stream()
                .map(i -> QueueItem.of(i, EvidenceCompleteness.of(i.evidence(), period), now)).toList();
        return new InnovationPage<>(items, page, size, counts.get(filter.statusOrDefault().name()),
                Map.of(STATUS_COUNTS, counts));
    }

    /** One innovation, whatever its status, as the queue describes it; empty when there is none. */
    public Optional<QueueItem> item(UUID id) {
        return store.find(id).map(i -> QueueItem.of(i, EvidenceCompleteness.of(i.evidence(), indicators.all()),
                clock.instant()));
    }

    private static Criteria all(List<Criteria> filters) {
        return filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
    }

    /** A count for every status, in the lifecycle's order, 0 where none. */
    private static Map<String, Long> counts(Map<String, Long> found) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (InnovationStatus status : InnovationStatus.values()) {
            counts.put(status.name(), found.getOrDefault(status.name(), 0L));
        }
        return counts;
    }
}
