package id.go.bangka.inovasi.catalog.spd;

import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.HttpLink;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT /api/v1/review/iid/spd/{period}}: the regency's SPD indicators (1-15) as Bappeda assessed them;
 * the whole set replaces the one recorded before, and an indicator left out scores 0.
 *
 * @param indicators one row per indicator, at most 20 (the 2026 annex has 20 rows: 1, 2a, 2b, 3, ..., 15)
 */
@AllErrorsAtOnce
public record SpdRequest(
        @NotNull(message = "indicators is required (an empty list clears the record)")
        @Size(max = 20, message = "at most 20 indicators") List<@NotNull @Valid Row> indicators) {

    /**
     * One indicator.
     *
     * @param code      the annex's number: 1 to 15, with a letter for a sub-row ("2a")
     * @param parameter the parameter met: 1, 2 or 3
     * @param evidence  an http(s) link to the evidence
     */
    @AllErrorsAtOnce
    public record Row(
            @NotNull(message = "code is required: 1 to 15, e.g. 2a")
            @Pattern(regexp = "([1-9]|1[0-5])[a-z]?", message = "code must be 1 to 15, e.g. 2a") String code,
            @NotNull(message = "parameter is required: 1, 2 or 3")
            @Min(value = 1, message = "parameter must be 1, 2 or 3")
            @Max(value = 3, message = "parameter must be 1, 2 or 3") Integer parameter,
            @NotNull(message = "evidence is required: an http(s) URL") @HttpLink String evidence) {
    }
}
