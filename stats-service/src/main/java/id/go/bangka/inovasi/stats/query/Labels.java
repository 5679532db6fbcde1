package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Labelled;
import java.util.Locale;
import java.util.Map;

/**
 * Indonesian and English labels of a counted value: Indonesian from {@link Labelled#label()} (statuses from a small
 * map, as {@link InnovationStatus} has none), English from the enum name humanised; years and OPD codes are their own
 * label; a missing value is {@value #UNSPECIFIED}.
 */
public final class Labels {

    /** The key of values older snapshots do not carry. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    private static final Map<InnovationStatus, String> STATUS_ID = Map.of(
            InnovationStatus.SUBMITTED, "Diajukan",
            InnovationStatus.REVISION_REQUESTED, "Perlu revisi",
            InnovationStatus.VERIFIED, "Terverifikasi",
            InnovationStatus.PUBLISHED, "Dipublikasikan",
            InnovationStatus.ARCHIVED, "Diarsipkan",
            InnovationStatus.WITHDRAWN, "Ditarik");

    private Labels() {
    }

    /** The key of a value: the enum name, the year or the code. */
    public static String key(Object value) {
        if (value == null) {
            return UNSPECIFIED;
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    public static String indonesian(Object value) {
        if (value == null) {
            return "Tidak diisi";
        }
        if (value instanceof Labelled labelled) {
            return labelled.label();
        }
        if (value instanceof InnovationStatus status) {
            return STATUS_ID.get(status);
        }
        return value.toString();
    }

    public static String english(Object value) {
        if (value == null) {
            return "Not specified";
        }
        if (value instanceof Enum<?> e) {
            String words = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return value.toString();
    }
}
