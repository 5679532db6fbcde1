package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One item of the review queue: what a reviewer needs to choose what to open next.
 *
 * @param id          the innovation
 * @param version     its version
 * @param status      its status
 * @param title       nama inovasi
 * @param opdCode     the owning OPD
 * @param field       bidang
 * @param year        reporting year
 * @param submittedAt when intake first received it
 * @param waiting     since when and how long it waits: since its last change (a submission, revision, evidence change
 *                    or decision)
 * @param designWords words of the design text (the IID asks for {@value InnovationProposal#DESIGN_WORDS})
 * @param warnings    the intake's warnings on the record as it stands (short design, no video)
 * @param evidence    how complete its IID evidence is
 */
public record QueueItem(UUID id, long version, InnovationStatus status, String title, String opdCode,
        InnovationField field, int year, Instant submittedAt, Waiting waiting, int designWords, List<String> warnings,
        EvidenceCompleteness evidence) {

    /**
     * How long an item waits.
     *
     * @param since its last change
     * @param days  whole days since then
     */
    public record Waiting(Instant since, long days) {

        static Waiting since(Instant since, Instant now) {
            return new Waiting(since, Math.max(0, Duration.between(since, now).toDays()));
        }
    }

    static QueueItem of(Innovation i, EvidenceCompleteness evidence, Instant now) {
        InnovationProposal p = i.proposal();
        return new QueueItem(i.id(), i.version(), i.status(), p.title(), p.opdCode(), p.field(), p.year(),
                i.submittedAt(), Waiting.since(i.updatedAt(), now), p.designWords(), p.iidWarnings(), evidence);
    }
}
