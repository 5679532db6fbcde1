package id.go.bangka.inovasi.stats.breakdown;

import id.go.bangka.inovasi.platform.opd.OpdNames;
import id.go.bangka.inovasi.platform.opd.OpdRegistryClient;
import id.go.bangka.inovasi.platform.opd.OpdRegistryUnavailableException;
import id.go.bangka.inovasi.stats.query.Dimension;
import id.go.bangka.inovasi.stats.query.LabelledCount;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Labels each OPD of a breakdown with its name from submission-service's registry, in both languages (statistics
 * count OPDs by code). A code the registry does not list, or a registry that was never readable, keeps the code as
 * its label: the numbers are answered either way.
 */
@Component
class OpdLabels {

    private final ObjectProvider<OpdRegistryClient> registry;

    OpdLabels(ObjectProvider<OpdRegistryClient> registry) {
        this.registry = registry;
    }

    Breakdown name(Breakdown breakdown, Dimension by, Dimension then) {
        if (by != Dimension.OPD && then != Dimension.OPD) {
            return breakdown;
        }
        OpdNames names = names();
        return names == null ? breakdown : name(breakdown, by, then, names);
    }

    /** The breakdown with each OPD of {@code by} or {@code then} labelled by its name in {@code names}. */
    static Breakdown name(Breakdown breakdown, Dimension by, Dimension then, OpdNames names) {
        List<LabelledCount> rows = breakdown.rows().stream().map(row -> new LabelledCount(row.key(),
                by == Dimension.OPD ? label(names, row.key(), row.labelId()) : row.labelId(),
                by == Dimension.OPD ? label(names, row.key(), row.labelEn()) : row.labelEn(), row.count(),
                row.then() == null || then != Dimension.OPD ? row.then() : row.then().stream()
                        .map(cell -> new LabelledCount(cell.key(), label(names, cell.key(), cell.labelId()),
                                label(names, cell.key(), cell.labelEn()), cell.count(), null))
                        .toList()))
                .toList();
        return new Breakdown(breakdown.scope(), breakdown.by(), breakdown.then(), breakdown.total(), rows);
    }

    private OpdNames names() {
        OpdRegistryClient client = registry.getIfAvailable();
        if (client == null) {
            return null;
        }
        try {
            return client.names();
        } catch (OpdRegistryUnavailableException e) {
            return null;
        }
    }

    private static String label(OpdNames names, String code, String otherwise) {
        String name = names.of(code);
        return name == null || name.isBlank() ? otherwise : name;
    }
}
