package id.go.bangka.inovasi.stats.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One counted value with its labels, and for a cross-tab the counts of the second dimension within it.
 *
 * @param key     enum name, year or OPD code ({@value Labels#UNSPECIFIED} when absent)
 * @param labelId Indonesian label
 * @param labelEn English label
 * @param count   innovations counted
 * @param then    counts by the second dimension, only in a two-dimensional breakdown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelledCount(String key, String labelId, String labelEn, long count, List<LabelledCount> then) {

    public static LabelledCount of(Object value, long count, List<LabelledCount> then) {
        return new LabelledCount(Labels.key(value), Labels.indonesian(value), Labels.english(value), count, then);
    }
}
