package id.go.bangka.inovasi.stats.breakdown;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.util.List;

/**
 * Counts by one dimension, or a cross-tab by two.
 *
 * @param scope PUBLISHED or ALL
 * @param by    the first dimension
 * @param then  the second dimension, if any
 * @param total innovations counted
 * @param rows  one per value of {@code by}, each with its counts by {@code then}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Breakdown(String scope, String by, String then, long total, List<LabelledCount> rows) {
}
