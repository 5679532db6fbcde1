package id.go.bangka.inovasi.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The innovation record as a portal proposes it (DOMAIN.md). Intake validates it; the catalogue re-checks what only it
 * can know (title unique per OPD and year, ownership, version).
 *
 * @param title               nama inovasi, 5-200 characters
 * @param opdCode             the owning agency's code from the OPD registry
 * @param source              who produced it
 * @param initiatorType       inisiator
 * @param initiatorName       personal data: shown publicly only when {@code initiatorNamePublic}
 * @param initiatorNamePublic whether the initiator consented to their name being published
 * @param field               bidang
 * @param governmentAffair    urusan utama
 * @param secondaryAffairs    other affairs it serves
 * @param form                bentuk
 * @param kind                jenis
 * @param stage               tahapan
 * @param programme           programme it came through
 * @param year                reporting year
 * @param trialDate           start of the trial (uji coba)
 * @param implementationDate  start of implementation (penerapan), not before the trial
 * @param design              rancang bangun; the IID asks for at least 300 words
 * @param goals               tujuan
 * @param benefits            manfaat
 * @param results             hasil
 * @param links               video, application and documents
 */
public record InnovationProposal(
        String title,
        String opdCode,
        Source source,
        InitiatorType initiatorType,
        String initiatorName,
        boolean initiatorNamePublic,
        InnovationField field,
        GovernmentAffair governmentAffair,
        List<GovernmentAffair> secondaryAffairs,
        InnovationForm form,
        InnovationKind kind,
        Stage stage,
        Programme programme,
        int year,
        LocalDate trialDate,
        LocalDate implementationDate,
        String design,
        String goals,
        String benefits,
        String results,
        Links links) {

    public InnovationProposal {
        secondaryAffairs = secondaryAffairs == null ? List.of() : List.copyOf(secondaryAffairs);
    }

    /** Words the IID asks of the design text (rancang bangun). */
    public static final int DESIGN_WORDS = 300;

    /** Words of the design text (rancang bangun), which the IID asks to be at least {@value #DESIGN_WORDS}. */
    public int designWords() {
        return words(design);
    }

    /** What intake accepts but what weakens the IID score: {@link #iidWarnings(String, String)} of this record. */
    public List<String> iidWarnings() {
        return iidWarnings(design, links == null ? null : links.videoUrl());
    }

    /**
     * The intake's warnings on a proposal: a design under {@value #DESIGN_WORDS} words, no video link. Intake answers
     * them to the portal; reviewers read the same in the queue.
     */
    public static List<String> iidWarnings(String design, String videoUrl) {
        List<String> warnings = new ArrayList<>();
        int words = words(design);
        if (words < DESIGN_WORDS) {
            warnings.add("design has " + words + " word(s); the IID asks for at least " + DESIGN_WORDS);
        }
        if (videoUrl == null || videoUrl.isBlank()) {
            warnings.add("no video link: the video is a mandatory IID indicator");
        }
        return List.copyOf(warnings);
    }

    /** Words of a text: runs of non-space characters; 0 for null or blank text. */
    public static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return text.strip().split("\\s+").length;
    }

    /**
     * Links of an innovation.
     *
     * @param videoUrl  the video (a mandatory IID indicator)
     * @param appUrl    the application, for digital innovations
     * @param documents further documents
     */
    public record Links(String videoUrl, String appUrl, List<String> documents) {

        public Links {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }
}
