package id.go.bangka.inovasi.catalog.search;

/** Orders of the catalogue, as the search index sorts (ties broken by id); exports follow the same order. */
public enum CatalogSort {
    /** Best match first (BM25) when searching a text; without a text, newest first. */
    RELEVANCE,
    NEWEST,
    OLDEST,
    /** By title, ignoring case. */
    TITLE,
    /** Highest verified IID score first, then claimed. */
    SCORE;

    /** The order asked for, or when none was: best match first for a text, newest first without one. */
    public static CatalogSort orDefault(CatalogSort asked, CatalogFilter filter) {
        if (asked != null) {
            return asked;
        }
        return filter.hasText() ? RELEVANCE : NEWEST;
    }
}
