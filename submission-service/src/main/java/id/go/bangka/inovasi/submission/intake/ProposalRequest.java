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
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/submissions} and {@code PUT /api/v1/innovations/{id}}: the whole innovation record
 * (DOMAIN.md). {@link ProposalValidator} checks it and reports every problem at once.
 */
@Schema(description = "An innovation as an OPD portal proposes it")
public record ProposalRequest(
        @Schema(description = "Nama inovasi, 5-200 characters, unique per OPD and year",
                example = "Soltan: survei PHBS digital") String title,
        @Schema(description = "Owning OPD; GET /api/v1/opds lists the codes", example = "PKM-BATURUSA") String opdCode,
        @Schema(description = "Who produced it") Source source,
        @Schema(description = "Inisiator") InitiatorType initiatorType,
        @Schema(description = "Initiator's name; personal data, public only with consent", example = "Tim Promkes")
        String initiatorName,
        @Schema(description = "Whether the initiator consented to their name being published", defaultValue = "false")
        Boolean initiatorNamePublic,
        @Schema(description = "Bidang (KIPP category)") InnovationField field,
        @Schema(description = "Urusan pemerintahan utama") GovernmentAffair governmentAffair,
        @Schema(description = "Other affairs served, at most 10") List<GovernmentAffair> secondaryAffairs,
        @Schema(description = "Bentuk") InnovationForm form,
        @Schema(description = "Jenis") InnovationKind kind,
        @Schema(description = "Tahapan") Stage stage,
        @Schema(description = "Programme it came through") Programme programme,
        @Schema(description = "Reporting year, 2015 to next year", example = "2022") Integer year,
        @Schema(description = "Start of the trial", example = "2021-06-01") LocalDate trialDate,
        @Schema(description = "Start of implementation, not before the trial", example = "2022-01-10")
        LocalDate implementationDate,
        @Schema(description = "Rancang bangun; the IID asks for at least 300 words (fewer is accepted with a warning)")
        String design,
        @Schema(description = "Tujuan") String goals,
        @Schema(description = "Manfaat") String benefits,
        @Schema(description = "Hasil") String results,
        @Schema(description = "Video (a mandatory IID indicator), application and documents, http(s) URLs")
        LinksRequest links) {

    /**
     * Links of an innovation.
     *
     * @param videoUrl  the video
     * @param appUrl    the application
     * @param documents further documents, at most 20
     */
    public record LinksRequest(
            @Schema(example = "https://www.youtube.com/watch?v=abc") String videoUrl,
            @Schema(example = "https://soltan.bangka.go.id") String appUrl,
            List<String> documents) {
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
