package id.go.bangka.inovasi.stats.overview;

import java.time.Instant;
import java.util.Map;

/**
 * Totals for a dashboard. Keys are enum names, years or OPD codes; {@code UNSPECIFIED} counts older snapshots
 * without the value.
 *
 * @param scope       PUBLISHED (public numbers) or ALL (every status, for reviewers and ops)
 * @param total       innovations counted
 * @param byStatus    counts per lifecycle status
 * @param byField     counts per bidang
 * @param byOpd       counts per OPD code
 * @param byYear      counts per reporting year
 * @param byStage     counts per tahapan
 * @param byKind      counts per jenis
 * @param byForm      counts per bentuk
 * @param bySource    counts per source (OPD, students, public)
 * @param byProgramme counts per programme
 * @param generation  changes the replica had applied when these numbers were computed
 * @param asOf        when these numbers were computed
 */
public record Overview(String scope, long total, Map<String, Long> byStatus, Map<String, Long> byField,
        Map<String, Long> byOpd, Map<String, Long> byYear, Map<String, Long> byStage, Map<String, Long> byKind,
        Map<String, Long> byForm, Map<String, Long> bySource, Map<String, Long> byProgramme, long generation,
        Instant asOf) {
}
