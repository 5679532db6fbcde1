package id.go.bangka.inovasi.stats.overview;

import java.time.Instant;
import java.util.Map;

/**
 * Totals for a dashboard.
 *
 * @param scope    PUBLISHED (public numbers) or ALL (every status, for reviewers and ops)
 * @param total    innovations counted
 * @param byStatus counts per lifecycle status
 * @param byField  counts per bidang
 * @param byOpd    counts per OPD code
 * @param byYear   counts per reporting year
 * @param byStage  counts per tahapan
 * @param asOf     when these numbers were computed
 */
public record Overview(String scope, long total, Map<String, Long> byStatus, Map<String, Long> byField,
        Map<String, Long> byOpd, Map<String, Long> byYear, Map<String, Long> byStage, Instant asOf) {
}
