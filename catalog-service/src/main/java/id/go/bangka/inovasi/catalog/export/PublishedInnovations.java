package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The published innovations matching a catalogue filter, in the search's order: the search index answers the ids in
 * order, and the records are read from MongoDB by id in batches as the rows are written, never all at once. Whoever
 * asks, only PUBLISHED innovations are read, and only the fields an export may show.
 */
@Component
public class PublishedInnovations {

    private static final int BATCH_SIZE = 200;
    /** The fields read: a list of what may be shown, so that internal fields added later stay out by default. */
    private static final String[] FIELDS = {"version", "publishedVersion", "publishPending", "status", "proposal",
        "submittedAt", "updatedAt", "publishedAt"};

    private final MongoTemplate mongo;
    private final SearchIndex index;

    public PublishedInnovations(MongoTemplate mongo, SearchIndex index) {
        this.mongo = mongo;
        this.index = index;
    }

    /**
     * The matching published innovations as export rows, in the order the search pages show for {@code sort} (ties
     * broken by id). The filter is applied as for the anonymous public, by the index and again by MongoDB, so that a
     * record changed since it was indexed is left out rather than shown with what it no longer is; a status filter
     * other than PUBLISHED matches nothing. Each row names its OPD from {@code opds}.
     */
    public Stream<ExportRow> rows(CatalogFilter filter, CatalogSort sort, OpdNames opds) {
        CallerIdentity anyone = CallerIdentity.anonymous(null);
        List<UUID> ids = index.matching(filter, anyone, sort);
        Criteria shown = new Criteria().andOperator(Criteria.where("status").is(InnovationStatus.PUBLISHED),
                filter.criteria(anyone));
        return IntStream.range(0, (ids.size() + BATCH_SIZE - 1) / BATCH_SIZE)
                .mapToObj(batch -> ids.subList(batch * BATCH_SIZE, Math.min(ids.size(), (batch + 1) * BATCH_SIZE)))
                .flatMap(batch -> read(batch, shown))
                .map(innovation -> ExportRow.of(innovation, opds));
    }

    /** The shown records of one batch of ids, in the batch's order. */
    private Stream<Innovation> read(List<UUID> batch, Criteria shown) {
        Query query = Query.query(new Criteria().andOperator(shown, Criteria.where("_id").in(batch)));
        query.fields().include(FIELDS);
        Map<UUID, Innovation> found = mongo.find(query, Innovation.class).stream()
                .filter(innovation -> innovation.status() == InnovationStatus.PUBLISHED)
                .collect(Collectors.toMap(Innovation::id, Function.identity()));
        return batch.stream().map(found::get).filter(Objects::nonNull);
    }
}
