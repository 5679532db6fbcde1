package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.validation.OpdCode;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The review queue's filters, bound from query parameters; each value is typed and compared as a value.
 *
 * @param status              the status waited in; SUBMITTED when absent
 * @param field               bidang
 * @param opdCode             the owning OPD
 * @param q                   text searched by the catalogue's search index (title and texts, Indonesian-aware)
 * @param waitingMoreThanDays only items waiting more than this many whole days
 */
public record QueueFilter(
        @Parameter(description = "The status waited in; SUBMITTED when absent") InnovationStatus status,
        @Parameter(description = "Bidang") InnovationField field,
        @Parameter(description = "The owning OPD", example = "DINKES") @OpdCode String opdCode,
        @Parameter(description = "Text searched in title and texts (Indonesian-aware, as the catalogue's search)",
                example = "posyandu")
        @Size(max = CatalogFilter.MAX_QUERY_LENGTH, message = "must be at most 200 characters") String q,
        @Parameter(description = "Only items waiting more than this many whole days since their last change",
                example = "14")
        @Min(value = 0, message = "must be between 0 and 3650")
        @Max(value = 3650, message = "must be between 0 and 3650") Integer waitingMoreThanDays) {

    /**
     * The canonical constructor, declared so that its parameters carry none of the components' annotations, as
     * {@link CatalogFilter}'s: Spring reads them anew for every request it binds.
     */
    public QueueFilter(InnovationStatus status, InnovationField field, String opdCode, String q,
            Integer waitingMoreThanDays) {
        this.status = status;
        this.field = field;
        this.opdCode = opdCode;
        this.q = q;
        this.waitingMoreThanDays = waitingMoreThanDays;
    }

    /** The status asked for, SUBMITTED by default. */
    public InnovationStatus statusOrDefault() {
        return status == null ? InnovationStatus.SUBMITTED : status;
    }
}
