package id.go.bangka.inovasi.stats.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.opd.OpdNames;
import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpdLabelsTest {

    private static final OpdNames NAMES = new OpdNames(Map.of("DINKES", "Dinas Kesehatan",
            "DISDIK", "Dinas Pendidikan"));

    @Test
    void eachOpdIsLabelledByItsRegisteredNameInBothLanguagesAndAnUnlistedCodeKeepsItsCode() {
        Breakdown byOpd = new Breakdown("PUBLISHED", "opd", null, 5, List.of(
                new LabelledCount("DINKES", "DINKES", "DINKES", 3, null),
                new LabelledCount("GONE", "GONE", "GONE", 2, null)));

        Breakdown named = OpdLabels.name(byOpd, Dimension.OPD, null, NAMES);

        assertThat(named.rows()).containsExactly(
                new LabelledCount("DINKES", "Dinas Kesehatan", "Dinas Kesehatan", 3, null),
                new LabelledCount("GONE", "GONE", "GONE", 2, null));
        assertThat(named.total()).isEqualTo(5);
    }

    @Test
    void inACrossTabOnlyTheOpdDimensionIsRenamed() {
        Breakdown fieldThenOpd = new Breakdown("ALL", "field", "opd", 4, List.of(
                new LabelledCount("HEALTH", "Kesehatan", "Health", 4, List.of(
                        new LabelledCount("DINKES", "DINKES", "DINKES", 3, null),
                        new LabelledCount("DISDIK", "DISDIK", "DISDIK", 1, null)))));

        Breakdown named = OpdLabels.name(fieldThenOpd, Dimension.FIELD, Dimension.OPD, NAMES);

        assertThat(named.rows()).containsExactly(new LabelledCount("HEALTH", "Kesehatan", "Health", 4, List.of(
                new LabelledCount("DINKES", "Dinas Kesehatan", "Dinas Kesehatan", 3, null),
                new LabelledCount("DISDIK", "Dinas Pendidikan", "Dinas Pendidikan", 1, null))));
    }

    @Test
    void opdThenFieldRenamesTheRowsAndKeepsTheCells() {
        List<LabelledCount> cells = List.of(new LabelledCount("HEALTH", "Kesehatan", "Health", 3, null));
        Breakdown opdThenField = new Breakdown("ALL", "opd", "field", 3, List.of(
                new LabelledCount("DINKES", "DINKES", "DINKES", 3, cells)));

        Breakdown named = OpdLabels.name(opdThenField, Dimension.OPD, Dimension.FIELD, NAMES);

        assertThat(named.rows()).containsExactly(
                new LabelledCount("DINKES", "Dinas Kesehatan", "Dinas Kesehatan", 3, cells));
    }
}
