package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.events.Labelled;
import java.util.Locale;

/**
 * Indonesian and English labels of a counted value: Indonesian from {@link Labelled#label()}, English from the enum
 * name humanised; years and OPD codes are their own label (a breakdown then names OPDs from the registry); a missing
 * value is {@value #UNSPECIFIED}.
 */
public final class Labels {

    /** The key of values older snapshots do not carry. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

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
