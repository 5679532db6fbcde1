package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.HttpLink;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT /api/v1/innovations/{id}/evidence/{indicator}}: the owner's chosen parameter and links.
 *
 * @param parameter 1, 2 or 3
 * @param links     http(s) links to evidence, at most 10
 */
@AllErrorsAtOnce
public record EvidenceRequest(
        @NotNull(message = "parameter is required: 1, 2 or 3") @Min(value = 1, message = "parameter must be 1, 2 or 3")
        @Max(value = 3, message = "parameter must be 1, 2 or 3") Integer parameter,
        @Size(max = 10, message = "at most 10 links")
        List<@NotNull(message = "must be an http(s) URL") @HttpLink String> links) {
}
