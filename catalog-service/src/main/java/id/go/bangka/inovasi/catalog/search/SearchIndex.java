package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.util.List;
import java.util.UUID;

/**
 * The catalogue's search read model, fed by the snapshots on {@code inovasi.catalog.v1}: it answers ids in order,
 * totals, facet counts, highlights, title suggestions and similar innovations, always within what the caller may see.
 * MongoDB stays the system of record; callers read the records of a page by id, and the highlights mark the texts of
 * those records. {@link LuceneSearchIndex} keeps it in
 * each replica; a larger deployment would implement this interface over OpenSearch (docs/search.md).
 */
public interface SearchIndex {

    /** Applies one snapshot; one whose version is not newer than the indexed one changes nothing. */
    void apply(InnovationChanged snapshot);

    /**
     * A rebuild from the topic starts: snapshots may now be applied from several threads at once, and become searchable
     * when it ends (OpenSearch's equivalent: {@code refresh_interval: -1} during a bulk load).
     */
    default void beginRebuild() {
    }

    /** The rebuild has applied everything: it is searchable now, and later snapshots again within moments. */
    default void endRebuild() {
    }

    /**
     * Whether the start-up rebuild has ended: until then the index answers from the little it may have made searchable,
     * and a list of everything matching (an export) would look complete without being so.
     */
    boolean rebuilt();

    /** One page of matching innovations with the total, the facet counts (when asked) and their highlighter. */
    SearchHits search(SearchQuery query);

    /**
     * The ids of every visible innovation matching the filter, text included, in the search's order for {@code sort}
     * (exports, the review queue's text filter).
     */
    List<UUID> matching(CatalogFilter filter, CallerIdentity caller, CatalogSort sort);

    /** Up to {@code limit} visible innovations whose titles start with the words typed so far. */
    List<Suggestion> suggest(String prefix, CallerIdentity caller, int limit);

    /**
     * Up to {@code limit} visible innovations other than {@code id} most like its title and texts ({@code like}, as the
     * caller read them at {@code version}), most alike first.
     */
    List<UUID> similar(UUID id, long version, InnovationChanged.Content like, CallerIdentity caller, int limit);
}
