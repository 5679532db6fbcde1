package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationForm;
import id.go.bangka.inovasi.events.InnovationKind;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Programme;
import id.go.bangka.inovasi.events.Source;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.platform.validation.OpdCode;
import id.go.bangka.inovasi.platform.validation.ReportingYear;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;

/**
 * The catalogue's filters, bound from query parameters, shared by search, facets and exports. Every value is typed
 * and compared as a value: no caller input ever becomes a query operator. The text {@code q} is answered by the search
 * index ({@link SearchIndex}); {@link #criteria} holds the other filters, for reads from MongoDB.
 *
 * @param q         Indonesian-aware text search
 * @param field     bidang
 * @param opdCode   owning OPD
 * @param year      exact reporting year
 * @param yearFrom  first reporting year
 * @param yearTo    last reporting year
 * @param stage     tahapan
 * @param kind      jenis
 * @param form      bentuk
 * @param source    asal
 * @param programme programme
 * @param status    lifecycle status (within what the caller may see)
 * @param governmentAffair urusan utama (the primary government affair)
 */
public record CatalogFilter(
        @Parameter(description = "Indonesian-aware text search over title and texts", example = "survei digital")
        @Size(max = CatalogFilter.MAX_QUERY_LENGTH, message = "must be at most 200 characters") String q,
        @Parameter(description = "Bidang") InnovationField field,
        @Parameter(description = "The owning OPD", example = "DINKES") @OpdCode String opdCode,
        @Parameter(description = "Reporting year, 2015 to next year", example = "2022") @ReportingYear Integer year,
        @Parameter(description = "First reporting year, 2015 to next year") @ReportingYear Integer yearFrom,
        @Parameter(description = "Last reporting year, 2015 to next year") @ReportingYear Integer yearTo,
        @Parameter(description = "Tahapan") Stage stage,
        @Parameter(description = "Jenis") InnovationKind kind,
        @Parameter(description = "Bentuk") InnovationForm form,
        @Parameter(description = "Asal") Source source,
        @Parameter(description = "Programme") Programme programme,
        @Parameter(description = "Lifecycle status, within what the caller may see") InnovationStatus status,
        @Parameter(description = "Urusan utama: the primary government affair") GovernmentAffair governmentAffair) {

    /** Longest query text accepted. */
    public static final int MAX_QUERY_LENGTH = 200;

    /**
     * The canonical constructor, declared so that its parameters carry none of the components' annotations (they stay
     * on the fields, where Bean Validation and the API documents read them). Spring binds each search's parameters
     * through this constructor and reads its parameters' annotations anew for every request; the JDK parses them again
     * on every such read, which cost a search about a quarter of its CPU (docs/benchmarks.md, section 9).
     */
    public CatalogFilter(String q, InnovationField field, String opdCode, Integer year, Integer yearFrom,
            Integer yearTo, Stage stage, InnovationKind kind, InnovationForm form, Source source, Programme programme,
            InnovationStatus status, GovernmentAffair governmentAffair) {
        this.q = q;
        this.field = field;
        this.opdCode = opdCode;
        this.year = year;
        this.yearFrom = yearFrom;
        this.yearTo = yearTo;
        this.stage = stage;
        this.kind = kind;
        this.form = form;
        this.source = source;
        this.programme = programme;
        this.status = status;
        this.governmentAffair = governmentAffair;
    }

    /** A search for the text alone, without other filters. */
    public static CatalogFilter text(String q) {
        return new CatalogFilter(q, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether there is a text to search: words left after Indonesian analysis (stop words alone are none). */
    public boolean hasText() {
        return IndexQueries.hasWords(q);
    }
}
