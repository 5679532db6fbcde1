package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.util.List;

/**
 * How deep a page may reach: its last result at most {@value #MAX_RESULTS} deep. Deeper pages make the store skip
 * ever more documents for nobody a person would page that far; a narrower filter finds them instead.
 */
public final class PageDepth {

    /** The deepest result a page may reach. */
    public static final int MAX_RESULTS = 10_000;

    private PageDepth() {
    }

    /** Refuses a page reaching deeper than {@link #MAX_RESULTS} with 400 naming {@code page}. */
    public static void check(int page, int size) {
        if ((long) page * size + size > MAX_RESULTS) {
            String detail = "reaches result " + ((long) page * size + size) + "; pages reach at most "
                    + MAX_RESULTS + " results deep (last page " + (MAX_RESULTS / size - 1) + " at size " + size
                    + "): narrow the search with filters instead";
            throw ApiProblem.badRequest("page " + detail + ".").with("errors", List.of(new FieldError("page",
                    detail)));
        }
    }
}
