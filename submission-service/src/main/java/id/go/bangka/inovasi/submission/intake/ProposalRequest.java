package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.Stage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/submissions}: the innovation a portal proposes. The full record of DOMAIN.md comes with
 * the intake issue; these are the fields the catalogue needs today.
 */
public record ProposalRequest(
        @NotBlank(message = "title is required")
        @Size(min = 5, max = 200, message = "title must be 5 to 200 characters")
        String title,
        @NotBlank(message = "opdCode is required")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "opdCode must be an OPD code such as DINKES")
        String opdCode,
        @NotNull(message = "field is required") InnovationField field,
        @NotNull(message = "stage is required") Stage stage,
        @NotNull(message = "year is required")
        @Min(value = 2015, message = "year must be 2015 or later")
        @Max(value = 2100, message = "year is too far in the future")
        Integer year) {

    /** The proposal as the event carries it, with the title trimmed. */
    public InnovationProposal toProposal() {
        return new InnovationProposal(title.strip(), opdCode, field, stage, year);
    }
}
