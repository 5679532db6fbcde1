package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InitiatorType;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationForm;
import id.go.bangka.inovasi.events.InnovationKind;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.Programme;
import id.go.bangka.inovasi.events.Source;
import id.go.bangka.inovasi.events.Stage;
import id.go.bangka.inovasi.platform.json.AllErrorsAtOnce;
import id.go.bangka.inovasi.platform.validation.HttpLink;
import id.go.bangka.inovasi.platform.validation.ReportingYear;
import id.go.bangka.inovasi.platform.validation.Text;
import id.go.bangka.inovasi.submission.registry.RegisteredOpd;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/submissions} and {@code PUT /api/v1/innovations/{id}}: the whole innovation record
 * (DOMAIN.md). Its constraints are the intake's rules; every error is reported at once, unreadable values (an unknown
 * enum value, text where a number belongs) included. Rules only the catalogue can check (title unique per OPD and
 * year, ownership of an existing innovation) are checked there.
 */
@AllErrorsAtOnce
@DatesInOrder
@Schema(description = "An innovation as an OPD portal proposes it")
public record ProposalRequest(
        @Schema(description = "Nama inovasi, 5-200 characters, unique per OPD and year",
                example = "Soltan: survei PHBS digital")
        @NotBlank(message = REQUIRED) @Text(min = 5, max = 200) String title,
        @Schema(description = "Owning OPD; GET /api/v1/opds lists the codes", example = "PKM-BATURUSA")
        @NotBlank(message = REQUIRED) @RegisteredOpd String opdCode,
        @Schema(description = "Who produced it") @NotNull(message = REQUIRED) Source source,
        @Schema(description = "Inisiator") @NotNull(message = REQUIRED) InitiatorType initiatorType,
        @Schema(description = "Initiator's name; personal data, public only with consent", example = "Tim Promkes")
        @Text(max = 200) String initiatorName,
        @Schema(description = "Whether the initiator consented to their name being published", defaultValue = "false")
        Boolean initiatorNamePublic,
        @Schema(description = "Bidang (KIPP category)") @NotNull(message = REQUIRED) InnovationField field,
        @Schema(description = "Urusan pemerintahan utama") @NotNull(message = REQUIRED)
        GovernmentAffair governmentAffair,
        @Schema(description = "Other affairs served, at most 10")
        @Size(max = 10, message = "at most 10 secondary affairs")
        List<@NotNull(message = REQUIRED) GovernmentAffair> secondaryAffairs,
        @Schema(description = "Bentuk") @NotNull(message = REQUIRED) InnovationForm form,
        @Schema(description = "Jenis") @NotNull(message = REQUIRED) InnovationKind kind,
        @Schema(description = "Tahapan") @NotNull(message = REQUIRED) Stage stage,
        @Schema(description = "Programme it came through") @NotNull(message = REQUIRED) Programme programme,
        @Schema(description = "Reporting year, 2015 to next year", example = "2022")
        @NotNull(message = REQUIRED) @ReportingYear Integer year,
        @Schema(description = "Start of the trial", example = "2021-06-01") LocalDate trialDate,
        @Schema(description = "Start of implementation, not before the trial", example = "2022-01-10")
        LocalDate implementationDate,
        @Schema(description = "Rancang bangun; the IID asks for at least 300 words (fewer is accepted with a warning)")
        @Text(max = LONG_TEXT, multiline = true) String design,
        @Schema(description = "Tujuan") @Text(max = MEDIUM_TEXT, multiline = true) String goals,
        @Schema(description = "Manfaat") @Text(max = MEDIUM_TEXT, multiline = true) String benefits,
        @Schema(description = "Hasil") @Text(max = MEDIUM_TEXT, multiline = true) String results,
        @Schema(description = "Video (a mandatory IID indicator), application and documents, http(s) URLs")
        @Valid LinksRequest links) {

    static final String REQUIRED = "is required";
    static final int LONG_TEXT = 20_000;
    static final int MEDIUM_TEXT = 5_000;

    /**
     * Links of an innovation.
     *
     * @param videoUrl  the video
     * @param appUrl    the application
     * @param documents further documents, at most 20
     */
    public record LinksRequest(
            @Schema(example = "https://www.youtube.com/watch?v=abc") @HttpLink String videoUrl,
            @Schema(example = "https://soltan.bangka.go.id") @HttpLink String appUrl,
            @Size(max = 20, message = "at most 20 documents")
            List<@NotNull(message = "must be an http(s) URL") @HttpLink String> documents) {
    }

    /** The proposal as the event carries it; call after validation. */
    public InnovationProposal toProposal() {
        InnovationProposal.Links eventLinks = links == null ? null
                : new InnovationProposal.Links(blankToNull(links.videoUrl()), blankToNull(links.appUrl()),
                        links.documents());
        return new InnovationProposal(title.strip(), opdCode, source, initiatorType, blankToNull(initiatorName),
                Boolean.TRUE.equals(initiatorNamePublic), field, governmentAffair, secondaryAffairs, form, kind, stage,
                programme, year, trialDate, implementationDate, blankToNull(design), blankToNull(goals),
                blankToNull(benefits), blankToNull(results), eventLinks);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
