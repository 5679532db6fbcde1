package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.catalog.search.SearchIndex;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The published innovations matching a catalogue filter, in the search's order: the search index answers the ids in
 * order, and the records are read from MongoDB by id, {@value #BATCH_SIZE} at a time, as the rows are written. Whoever
 * asks, only PUBLISHED innovations are read, and only the fields an export may show.
 */
@Component
public class PublishedInnovations {

    static final int BATCH_SIZE = 200;
    /** The fields read: a list of what may be shown, so that internal fields added later stay out by default. */
    private static final String[] FIELDS = {"version", "publishedVersion", "publishPending", "status", "proposal",
        "submittedAt", "updatedAt", "publishedAt"};

    private final InnovationStore store;
    private final SearchIndex index;

    public PublishedInnovations(InnovationStore store, SearchIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Whether the search index can list the rows: not while this replica is still rebuilding it. */
    public boolean listable() {
        return index.rebuilt();
    }

    /**
     * The matching published innovations as export rows, in the order the search pages show for {@code sort} (ties
     * broken by id). The index applies the filter as for the anonymous public (a status filter other than PUBLISHED
     * matches nothing); of the records then read, only those still PUBLISHED are written, as the search's pages show
     * only what their caller may see. The first batch is read before this returns, so that a database that cannot be
     * read fails the request before the file starts. Each row names its OPD from {@code opds}.
     */
    public Stream<ExportRow> rows(CatalogFilter filter, CatalogSort sort, OpdNames opds) {
        List<UUID> ids = index.matching(filter, CallerIdentity.anonymous(null), sort);
        int batches = (ids.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        List<Innovation> first = batches == 0 ? List.of() : read(batch(ids, 0));
        return Stream.concat(first.stream(), IntStream.range(1, batches)
                        .mapToObj(batch -> batch(ids, batch))
                        .flatMap(batch -> read(batch).stream()))
                .map(innovation -> ExportRow.of(innovation, opds));
    }

    private static List<UUID> batch(List<UUID> ids, int batch) {
        return ids.subList(batch * BATCH_SIZE, Math.min(ids.size(), (batch + 1) * BATCH_SIZE));
    }

    /** The published records of one batch of ids, in the batch's order. */
    private List<Innovation> read(List<UUID> batch) {
        return store.findAll(batch, FIELDS).stream()
                .filter(innovation -> innovation.status() == InnovationStatus.PUBLISHED).toList();
    }
}
