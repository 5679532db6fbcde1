package id.go.bangka.inovasi.catalog.evidence;

/**
 * One per-innovation IID indicator of an assessment period.
 *
 * @param code      the indicator number (16-35 in the 2026 letter)
 * @param key       a stable English key
 * @param name      the Indonesian name
 * @param weight    the bobot: a row scores weight x chosen parameter (1-3)
 * @param mandatory whether the indicator is mandatory
 */
public record Indicator(String code, String key, String name, int weight, boolean mandatory) {
}
