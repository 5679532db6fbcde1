package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;

/**
 * A catalogue search as the index answers it.
 *
 * @param filter     the text and filters
 * @param caller     whose visibility applies
 * @param sort       the order; {@link CatalogSort#RELEVANCE} needs a text
 * @param offset     hits to skip
 * @param limit      hits to return
 * @param withFacets whether to count facets
 */
public record SearchQuery(CatalogFilter filter, CallerIdentity caller, CatalogSort sort, int offset, int limit,
        boolean withFacets) {
}
