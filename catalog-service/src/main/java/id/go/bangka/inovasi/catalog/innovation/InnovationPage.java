package id.go.bangka.inovasi.catalog.innovation;

import java.util.List;
import java.util.Map;

/**
 * One page of a catalogue query.
 *
 * @param <T>    what an item is: an innovation, or a search hit with its highlights
 * @param items  the innovations of this page
 * @param page   zero-based page number
 * @param size   page size asked for
 * @param total  matching innovations in all pages
 * @param facets counts per value of each filter for all matching innovations; empty where not asked
 */
public record InnovationPage<T>(List<T> items, int page, int size, long total,
        Map<String, Map<String, Long>> facets) {
}
