package id.go.bangka.inovasi.catalog.history;

import id.go.bangka.inovasi.events.InnovationProposal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Field-level differences between two versions of an innovation record, for the audit trail. */
public final class RecordDiff {

    private RecordDiff() {
    }

    /** Every field that differs, in record order; every set field when {@code before} is null. */
    public static List<HistoryEntry.FieldChange> between(InnovationProposal before, InnovationProposal after) {
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        for (RecordComponent component : InnovationProposal.class.getRecordComponents()) {
            Object from = before == null ? null : value(component, before);
            Object to = after == null ? null : value(component, after);
            if (!Objects.equals(from, to)) {
                changes.add(new HistoryEntry.FieldChange(component.getName(), text(from), text(to)));
            }
        }
        return changes;
    }

    private static Object value(RecordComponent component, InnovationProposal proposal) {
        try {
            return component.getAccessor().invoke(proposal);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
