package id.go.bangka.inovasi.catalog.review;

import id.go.bangka.inovasi.catalog.evidence.Indicator;
import id.go.bangka.inovasi.catalog.innovation.Evidence;
import java.util.List;
import java.util.Map;

/**
 * How complete an innovation's IID evidence is, for a reviewer deciding whether to verify it. An indicator counts as
 * evidenced when its evidence has a link or a file and was not rejected.
 *
 * @param indicators       indicators of the current assessment period
 * @param evidenced        indicators evidenced
 * @param accepted         indicators whose evidence a reviewer accepted
 * @param mandatory        codes of the period's mandatory indicators
 * @param mandatoryMissing codes of the mandatory indicators not evidenced
 */
public record EvidenceCompleteness(int indicators, int evidenced, int accepted, List<String> mandatory,
        List<String> mandatoryMissing) {

    /** The completeness of this evidence against the period's indicators. */
    public static EvidenceCompleteness of(Map<String, Evidence> evidence, List<Indicator> period) {
        Map<String, Evidence> given = evidence == null ? Map.of() : evidence;
        List<String> mandatory = period.stream().filter(Indicator::mandatory).map(Indicator::code).toList();
        return new EvidenceCompleteness(period.size(),
                (int) period.stream().filter(i -> evidenced(given.get(i.code()))).count(),
                (int) period.stream().map(i -> given.get(i.code()))
                        .filter(e -> e != null && e.state() == Evidence.State.ACCEPTED).count(),
                mandatory, mandatory.stream().filter(code -> !evidenced(given.get(code))).toList());
    }

    private static boolean evidenced(Evidence e) {
        return e != null && e.state() != Evidence.State.REJECTED && !(e.links().isEmpty() && e.files().isEmpty());
    }
}
