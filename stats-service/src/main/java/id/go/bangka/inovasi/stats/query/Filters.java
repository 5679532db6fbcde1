package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.stats.view.InnovationFacts;
import java.util.function.Predicate;

/**
 * Validated filters of a statistics request within the caller's scope; null filters match everything.
 *
 * @param scope   the caller's scope
 * @param status  only this status
 * @param year    only this reporting year
 * @param opdCode only this OPD
 * @param field   only this bidang
 */
public record Filters(Scope scope, InnovationStatus status, Integer year, String opdCode, InnovationField field)
        implements Predicate<InnovationFacts> {

    /** Everything in the scope. */
    public static Filters none(Scope scope) {
        return new Filters(scope, null, null, null, null);
    }

    @Override
    public boolean test(InnovationFacts f) {
        return scope.includes(f) && (status == null || f.status() == status) && (year == null || f.year() == year)
                && (opdCode == null || opdCode.equals(f.opdCode())) && (field == null || f.field() == field);
    }
}
