package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationForm;
import id.go.bangka.inovasi.events.InnovationKind;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Programme;
import id.go.bangka.inovasi.events.Source;
import id.go.bangka.inovasi.events.Stage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What statistics keep of one innovation: its latest snapshot reduced to the fields stats needs, with instants as
 * epoch seconds ({@link #NONE} when absent) and shared, interned strings. Fields added to the snapshot later may be
 * null in older snapshots; they stay null here and count as "unspecified".
 *
 * @param id          innovationId
 * @param version     snapshot version
 * @param status      lifecycle status
 * @param opdCode     owning agency (interned)
 * @param field       bidang
 * @param year        reporting year
 * @param stage       tahapan
 * @param kind        jenis
 * @param form        bentuk
 * @param source      who produced it
 * @param programme   programme it came through
 * @param affair      urusan utama
 * @param submittedAt first received, epoch seconds
 * @param verifiedAt  verified, epoch seconds
 * @param publishedAt published, epoch seconds
 * @param scorePeriod assessment period of the scores (interned), null before any evidence
 * @param claimed     claimed IID score of that period
 * @param verified    verified IID score of that period
 * @param withEvidence indicators with evidence
 * @param accepted    indicators with accepted evidence
 * @param implementationDay start of implementation as epoch day, {@link #NO_DAY} when not given
 * @param designWords words of the design text, -1 when the snapshot does not say
 * @param secondaryAffairs other affairs it serves (urusan lainnya); empty when the snapshot does not say
 */
public record InnovationFacts(UUID id, long version, InnovationStatus status, String opdCode, InnovationField field,
        int year, Stage stage, InnovationKind kind, InnovationForm form, Source source, Programme programme,
        GovernmentAffair affair, long submittedAt, long verifiedAt, long publishedAt, String scorePeriod, int claimed,
        int verified, int withEvidence, int accepted, int implementationDay, int designWords,
        Set<GovernmentAffair> secondaryAffairs) {

    /** An absent instant. */
    public static final long NONE = Long.MIN_VALUE;

    /** An absent implementation date. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    /** The facts of a snapshot; a snapshot without innovationId or status is not one stats can count. */
    public static InnovationFacts of(InnovationChanged s) {
        if (s.innovationId() == null || s.status() == null) {
            throw new IllegalArgumentException("snapshot without innovationId or status");
        }
        InnovationChanged.Scores scores = s.scores();
        return new InnovationFacts(s.innovationId(), s.version(), s.status(), intern(s.opdCode()), s.field(), s.year(),
                s.stage(), s.kind(), s.form(), s.source(), s.programme(), s.governmentAffair(),
                seconds(s.submittedAt()), seconds(s.verifiedAt()), seconds(s.publishedAt()),
                scores == null ? null : intern(scores.period()), scores == null ? 0 : scores.claimed(),
                scores == null ? 0 : scores.verified(), scores == null ? 0 : scores.indicatorsWithEvidence(),
                scores == null ? 0 : scores.indicatorsAccepted(),
                s.implementationDate() == null ? NO_DAY : Math.toIntExact(s.implementationDate().toEpochDay()),
                s.designWords() == null ? -1 : s.designWords(), affairs(s));
    }

    /** Whether the innovation carries scores of the given assessment period. */
    public boolean scoredIn(String period) {
        return period.equals(scorePeriod);
    }

    /** The secondary affairs, unmodifiable; the shared empty set when there are none, as for most innovations. */
    private static Set<GovernmentAffair> affairs(InnovationChanged s) {
        if (s.secondaryAffairs() == null || s.secondaryAffairs().isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(EnumSet.copyOf(s.secondaryAffairs()));
    }

    private static long seconds(Instant instant) {
        return instant == null ? NONE : instant.getEpochSecond();
    }

    private static String intern(String text) {
        return text == null ? null : text.intern();
    }
}
