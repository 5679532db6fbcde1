package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters every statistics endpoint accepts, as bound from the query string ({@code status}, {@code year},
 * {@code opdCode}, {@code field}); {@link #resolve(Scope)} validates them.
 */
public record FilterParams(
        @Parameter(description = "Only this status; the public may ask for PUBLISHED only (403 otherwise)",
                schema = @Schema(implementation = InnovationStatus.class)) String status,
        @Parameter(description = "Only this reporting year",
                schema = @Schema(type = "integer", minimum = "2000", maximum = "2100", example = "2022")) String year,
        @Parameter(description = "Only this OPD", schema = @Schema(pattern = "^[A-Z0-9][A-Z0-9-]{1,39}$",
                example = "DINKES")) String opdCode,
        @Parameter(description = "Only this bidang", schema = @Schema(implementation = InnovationField.class))
        String field) {

    private static final Pattern OPD_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    /** The filter parameter names and an endpoint's own, for {@link QueryParams#onlyKnown}. */
    public static Set<String> namesWith(String... own) {
        Set<String> names = new HashSet<>(Set.of("status", "year", "opdCode", "field"));
        names.addAll(Set.of(own));
        return Set.copyOf(names);
    }

    private String validOpdCode() {
        if (opdCode == null || opdCode.isBlank()) {
            return null;
        }
        if (!OPD_CODE.matcher(opdCode.trim()).matches()) {
            throw QueryParams.invalid("opdCode", "must be an OPD code such as DINKES");
        }
        return opdCode.trim();
    }

    /** Validated filters; a public caller asking for another status than PUBLISHED is refused with 403. */
    public Filters resolve(Scope scope) {
        InnovationStatus wanted = QueryParams.enumValue(InnovationStatus.class, "status", status);
        if (scope == Scope.PUBLISHED && wanted != null && wanted != InnovationStatus.PUBLISHED) {
            throw ApiProblem.forbidden("Only reviewers and ops may count innovations that are not PUBLISHED.");
        }
        return new Filters(scope, wanted, QueryParams.integer("year", year, 2000, 2100),
                validOpdCode(),
                QueryParams.enumValue(InnovationField.class, "field", field));
    }
}
