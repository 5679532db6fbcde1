package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Evidence;
import id.go.bangka.inovasi.events.InnovationChanged;
import java.util.List;

/**
 * An innovation's evidence as owners and reviewers see it: every indicator of the period, with what was given.
 *
 * @param period     assessment period
 * @param scores     claimed and verified scores
 * @param indicators every indicator with its evidence (null where none was given)
 */
public record EvidenceView(String period, InnovationChanged.Scores scores, List<Row> indicators) {

    /**
     * One indicator.
     *
     * @param indicator the indicator
     * @param evidence  the owner's evidence, or null
     * @param score     weight x parameter, 0 without evidence
     */
    public record Row(Indicator indicator, Evidence evidence, int score) {
    }
}
