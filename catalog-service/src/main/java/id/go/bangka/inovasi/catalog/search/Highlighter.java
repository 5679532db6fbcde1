package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.InnovationChanged;
import java.util.UUID;

/**
 * Marks why an innovation of a search page matched the search's text, in the title and texts the page shows (read from
 * MongoDB with the page's records), so the index keeps no copy of the texts. An OpenSearch implementation would answer
 * the highlights it returned with the hits, by id.
 */
@FunctionalInterface
public interface Highlighter {

    /** For a search without text: nothing to mark. */
    Highlighter NONE = (id, shown) -> null;

    /** The highlight of one hit, null without a text to mark. */
    Highlight highlight(UUID id, InnovationChanged.Content shown);
}
