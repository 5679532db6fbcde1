package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.validation.OpdCode;
import id.go.bangka.inovasi.platform.validation.OpdCodes;
import id.go.bangka.inovasi.platform.validation.ReportingYear;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.Set;

/**
 * The filters every statistics endpoint accepts, as bound from the query string ({@code status}, {@code year},
 * {@code opdCode}, {@code field}): the year and OPD code by their shared constraints ({@code @Valid} in the
 * controllers), the enumerations by {@link #resolve(Scope)}.
 */
public record FilterParams(
        @Parameter(description = "Only this status; the public may ask for PUBLISHED only (403 otherwise)",
                schema = @Schema(implementation = InnovationStatus.class)) String status,
        @Parameter(description = "Only this reporting year, 2015 to next year",
                schema = @Schema(type = "integer", minimum = "2015", example = "2022")) @ReportingYear String year,
        @Parameter(description = "Only this OPD", schema = @Schema(pattern = "^" + OpdCodes.PATTERN + "$",
                example = "DINKES")) @OpdCode String opdCode,
        @Parameter(description = "Only this bidang", schema = @Schema(implementation = InnovationField.class))
        String field) {

    /**
     * The canonical constructor, declared so that its parameters carry none of the components' annotations (they stay
     * on the fields, where Bean Validation and the API documents read them): Spring binds every statistics read
     * through it and reads its parameters' annotations anew each time, which the JDK parses again on every read.
     */
    public FilterParams(String status, String year, String opdCode, String field) {
        this.status = status;
        this.year = year;
        this.opdCode = opdCode;
        this.field = field;
    }

    /** The filter parameter names and an endpoint's own, for {@link QueryParams#onlyKnown}. */
    public static Set<String> namesWith(String... own) {
        Set<String> names = new HashSet<>(Set.of("status", "year", "opdCode", "field"));
        names.addAll(Set.of(own));
        return Set.copyOf(names);
    }

    /** Validated filters; a public caller asking for another status than PUBLISHED is refused with 403. */
    public Filters resolve(Scope scope) {
        InnovationStatus wanted = QueryParams.enumValue(InnovationStatus.class, "status", status);
        if (scope == Scope.PUBLISHED && wanted != null && wanted != InnovationStatus.PUBLISHED) {
            throw ApiProblem.forbidden("Only reviewers and ops may count innovations that are not PUBLISHED.");
        }
        return new Filters(scope, wanted, year == null || year.isBlank() ? null : Integer.valueOf(year.strip()),
                opdCode == null || opdCode.isBlank() ? null : opdCode,
                QueryParams.enumValue(InnovationField.class, "field", field));
    }
}
