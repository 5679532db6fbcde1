package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.catalog.history.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Field-level differences of one indicator's evidence, for the audit trail. */
final class EvidenceDiff {

    private EvidenceDiff() {
    }

    static List<HistoryEntry.FieldChange> between(String code, Evidence before, Evidence after) {
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        String prefix = "evidence." + code + ".";
        add(changes, prefix + "parameter", before == null ? null : before.parameter(), after.parameter());
        add(changes, prefix + "links", before == null ? null : before.links(), after.links());
        add(changes, prefix + "files", before == null ? null : fileNames(before), fileNames(after));
        add(changes, prefix + "state", before == null ? null : before.state(), after.state());
        return changes;
    }

    private static List<String> fileNames(Evidence evidence) {
        return evidence.files().stream().map(Evidence.EvidenceFile::name).toList();
    }

    private static void add(List<HistoryEntry.FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new HistoryEntry.FieldChange(field, from == null ? null : from.toString(),
                    to == null ? null : to.toString()));
        }
    }
}
