package id.go.bangka.inovasi.events;

import java.time.Instant;
import java.util.List;

/**
 * The regency's own IID score (SPD, indicators 1-15) for one assessment period as Bappeda recorded it, published on
 * the compacted {@link Topics#ASSESSMENTS} keyed by period after every change. Consumers ignore a record whose version
 * is not newer than the one they hold. Scores are not in the event: weights are the period's, which the consumer holds.
 *
 * @param period     the assessment period, e.g. "2026"
 * @param version    increases by one with every change of the period's record
 * @param indicators the indicators recorded; one absent scores 0
 * @param recordedAt when this version was recorded
 * @param recordedBy client id of the reviewer or ops caller who recorded it
 */
public record SpdRecorded(String period, long version, List<Indicator> indicators, Instant recordedAt,
        String recordedBy) {

    public SpdRecorded {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /**
     * One indicator as recorded.
     *
     * @param code      the annex's number, e.g. "1" or "2a"
     * @param parameter the parameter met, 1 to 3
     * @param evidence  a link to the evidence
     */
    public record Indicator(String code, int parameter, String evidence) {
    }
}
