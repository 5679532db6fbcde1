package id.go.bangka.inovasi.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Snapshot published on the compacted {@link Topics#CATALOG} after every change of an innovation; keyed by innovationId.
 * Carries what statistics need and, since the additive v1 field {@code content}, every public field the catalogue's
 * search index needs: never reviewer notes, and the initiator's name only with their consent. Consumers ignore a
 * snapshot whose version is not newer than the one they hold.
 *
 * @param innovationId the innovation
 * @param version      increases by one with every change
 * @param status       lifecycle status after the change
 * @param lastChange   what made this version
 * @param opdCode      owning agency
 * @param field        bidang
 * @param stage        tahapan
 * @param year         reporting year
 * @param submittedAt  when the innovation was first received
 * @param source       who produced it (added in v1, optional for older snapshots)
 * @param form         bentuk
 * @param kind         jenis
 * @param programme    programme it came through
 * @param governmentAffair urusan utama
 * @param verifiedAt   when reviewers verified it, if they did
 * @param publishedAt  when it was published, if it was
 * @param scores       claimed and verified IID scores of the current assessment period; null before any evidence
 * @param content      the public text of the record (added in v1, null in older snapshots)
 * @param implementationDate start of implementation (penerapan), if given (added later in v1, optional): an IID
 *                     period admits innovations implemented within its window
 * @param designWords  words of the design text (rancang bangun) (added later in v1, optional): an IID period may ask
 *                     for a minimum
 * @param secondaryAffairs other government affairs it serves (urusan lainnya) (added later in v1, optional, null in
 *                     older snapshots): an IID period may count them as covered
 */
public record InnovationChanged(
        UUID innovationId,
        long version,
        InnovationStatus status,
        LastChange lastChange,
        String opdCode,
        InnovationField field,
        Stage stage,
        int year,
        Instant submittedAt,
        Source source,
        InnovationForm form,
        InnovationKind kind,
        Programme programme,
        GovernmentAffair governmentAffair,
        Instant verifiedAt,
        Instant publishedAt,
        Scores scores,
        Content content,
        LocalDate implementationDate,
        Integer designWords,
        List<GovernmentAffair> secondaryAffairs) {

    /** Copies the secondary affairs; null stays null (a snapshot published before they were carried). */
    public InnovationChanged {
        secondaryAffairs = secondaryAffairs == null ? null : List.copyOf(secondaryAffairs);
    }

    /** A snapshot as published before {@code secondaryAffairs}. */
    public InnovationChanged(UUID innovationId, long version, InnovationStatus status, LastChange lastChange,
            String opdCode, InnovationField field, Stage stage, int year, Instant submittedAt, Source source,
            InnovationForm form, InnovationKind kind, Programme programme, GovernmentAffair governmentAffair,
            Instant verifiedAt, Instant publishedAt, Scores scores, Content content, LocalDate implementationDate,
            Integer designWords) {
        this(innovationId, version, status, lastChange, opdCode, field, stage, year, submittedAt, source, form, kind,
                programme, governmentAffair, verifiedAt, publishedAt, scores, content, implementationDate, designWords,
                null);
    }

    /** A snapshot as published before {@code content}, {@code implementationDate} and {@code designWords}. */
    public InnovationChanged(UUID innovationId, long version, InnovationStatus status, LastChange lastChange,
            String opdCode, InnovationField field, Stage stage, int year, Instant submittedAt, Source source,
            InnovationForm form, InnovationKind kind, Programme programme, GovernmentAffair governmentAffair,
            Instant verifiedAt, Instant publishedAt, Scores scores) {
        this(innovationId, version, status, lastChange, opdCode, field, stage, year, submittedAt, source, form, kind,
                programme, governmentAffair, verifiedAt, publishedAt, scores, null, null, null, null);
    }

    /**
     * The public text of an innovation, what search indexes and shows.
     *
     * @param title         nama inovasi
     * @param initiatorName the initiator's name, only when they consented to its publication; otherwise null
     * @param design        rancang bangun
     * @param goals         tujuan
     * @param benefits      manfaat
     * @param results       hasil
     * @param links         video, application and documents
     */
    public record Content(String title, String initiatorName, String design, String goals, String benefits,
            String results, InnovationProposal.Links links) {
    }

    /**
     * IID scores of an innovation: weight x chosen parameter per indicator; verified counts accepted evidence only.
     *
     * @param period                 the assessment period whose weights were used
     * @param claimed                by the owner's chosen parameters
     * @param verified               by accepted evidence only
     * @param indicatorsWithEvidence indicators the owner gave evidence for
     * @param indicatorsAccepted     indicators whose evidence reviewers accepted
     */
    public record Scores(String period, int claimed, int verified, int indicatorsWithEvidence,
            int indicatorsAccepted) {
    }

    /**
     * What made a version.
     *
     * @param kind         the cause
     * @param at           when
     * @param by           client id of whoever caused it
     * @param submissionId the submission applied, when {@code kind} is SUBMISSION_APPLIED
     */
    public record LastChange(ChangeKind kind, Instant at, String by, UUID submissionId) {
    }
}
