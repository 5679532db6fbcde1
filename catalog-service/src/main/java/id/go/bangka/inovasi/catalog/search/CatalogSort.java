package id.go.bangka.inovasi.catalog.search;

import org.springframework.data.domain.Sort;

/** Orders of the catalogue. */
public enum CatalogSort {
    /** Best match first (BM25) when searching a text; without a text, and in exports, newest first. */
    RELEVANCE(Sort.by(Sort.Direction.DESC, "submittedAt")),
    NEWEST(Sort.by(Sort.Direction.DESC, "submittedAt")),
    OLDEST(Sort.by(Sort.Direction.ASC, "submittedAt")),
    TITLE(Sort.by(Sort.Direction.ASC, "proposal.title")),
    /** Highest verified IID score first, then claimed. */
    SCORE(Sort.by(Sort.Direction.DESC, "scores.verified").and(Sort.by(Sort.Direction.DESC, "scores.claimed")));

    private final Sort sort;

    CatalogSort(Sort sort) {
        this.sort = sort;
    }

    /** The order as MongoDB sorts the records (exports). */
    public Sort sort() {
        return sort;
    }
}
