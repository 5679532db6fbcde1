package id.go.bangka.inovasi.catalog.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the index answers for a search.
 *
 * @param ids         the page's innovations in order
 * @param total       matching innovations in all pages
 * @param facets      counts per value of each filter for all matching innovations; empty where not asked
 * @param highlighter marks why each of the page's innovations matched the text ({@link Highlighter#NONE} without one)
 */
public record SearchHits(List<UUID> ids, long total, Map<String, Map<String, Long>> facets,
        Highlighter highlighter) {
}
