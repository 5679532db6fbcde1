package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The published innovations matching a catalogue filter, read through a MongoDB cursor in batches: never all at
 * once. Whoever asks, only PUBLISHED innovations are read, and only the fields an export may show.
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
     * The matching published innovations in the given order (ties broken by id), as export rows. The filter is applied
     * as for the anonymous public, and a status filter other than PUBLISHED matches nothing; a text is matched by the
     * search index, as the search does, and {@link CatalogSort#RELEVANCE} is newest first here. Each row names its OPD
     * from {@code opds}. The stream holds a database cursor: close it.
     */
    public Stream<ExportRow> rows(CatalogFilter filter, CatalogSort sort, OpdNames opds) {
        CallerIdentity anyone = CallerIdentity.anonymous(null);
        Criteria criteria = new Criteria().andOperator(Criteria.where("status").is(InnovationStatus.PUBLISHED),
                filter.criteria(anyone));
        if (filter.hasText()) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("_id").in(index.matching(filter, anyone)));
        }
        Query query = Query.query(criteria).with(sort.sort().and(Sort.by("_id"))).cursorBatchSize(BATCH_SIZE)
                .allowDiskUse(true);
        query.fields().include(FIELDS);
        return mongo.stream(query, Innovation.class)
                .filter(innovation -> innovation.status() == InnovationStatus.PUBLISHED)
                .map(innovation -> ExportRow.of(innovation, opds));
    }
}
