package id.go.bangka.inovasi.catalog.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the index answers for a search.
 *
 * @param hits   the page's innovations in order
 * @param total  matching innovations in all pages
 * @param facets counts per value of each filter for all matching innovations; empty where not asked
 */
public record SearchHits(List<Hit> hits, long total, Map<String, Map<String, Long>> facets) {

    /**
     * One matching innovation.
     *
     * @param id        the innovation
     * @param highlight why it matched; null without a text
     */
    public record Hit(UUID id, Highlight highlight) {
    }
}
