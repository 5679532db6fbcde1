package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.ChangeKind;
import id.go.bangka.inovasi.events.GovernmentAffair;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.events.InnovationField;
import id.go.bangka.inovasi.events.InnovationProposal;
import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.events.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fixed Indonesian set of the search quality tests ({@code search-quality/innovations.txt} and
 * {@code queries.txt}): realistic innovations of Bangka's OPDs, and queries with the innovations they must rank first.
 */
final class QualitySet {

    /** The snapshots of the set by key, each at version 1, submitted a day apart in file order. */
    static Map<String, InnovationChanged> innovations() {
        Map<String, InnovationChanged> snapshots = new LinkedHashMap<>();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (String[] row : rows("innovations.txt")) {
            at = at.plusSeconds(86_400);
            snapshots.put(row[0], snapshot(UUID.nameUUIDFromBytes(row[0].getBytes(StandardCharsets.UTF_8)), 1,
                    InnovationStatus.valueOf(row[3]), row[1], InnovationField.valueOf(row[2]), row[4], row[5], at));
        }
        return snapshots;
    }

    /** A query and the keys expected at its top, in order. */
    record Expectation(String query, List<String> expected, boolean firstIsExact) {
    }

    static List<Expectation> queries() {
        return rows("queries.txt").stream().map(row -> {
            List<String> keys = Arrays.stream(row[1].split(" ")).map(String::strip).toList();
            boolean first = keys.get(0).startsWith("*");
            return new Expectation(row[0], keys.stream().map(k -> k.replace("*", "")).toList(), first);
        }).toList();
    }

    static InnovationChanged snapshot(UUID id, long version, InnovationStatus status, String opdCode,
            InnovationField field, String title, String text, Instant submittedAt) {
        return new InnovationChanged(id, version, status,
                new InnovationChanged.LastChange(ChangeKind.SUBMISSION_APPLIED, submittedAt, "test", null), opdCode,
                field, Stage.IMPLEMENTATION, 2024, submittedAt, null, null, null, null, affairOf(field), null, null,
                null, new InnovationChanged.Content(title, null, text, null, null, null,
                        new InnovationProposal.Links(null, null, List.of())), null, null);
    }

    /** The primary affair of a health or environment innovation; none for the other fields. */
    private static GovernmentAffair affairOf(InnovationField field) {
        return switch (field) {
            case HEALTH -> GovernmentAffair.HEALTH;
            case ENVIRONMENT -> GovernmentAffair.ENVIRONMENT;
            default -> null;
        };
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = QualitySet.class.getResourceAsStream("/search-quality/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
