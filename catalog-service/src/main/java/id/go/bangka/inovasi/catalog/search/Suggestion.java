package id.go.bangka.inovasi.catalog.search;

import java.util.UUID;

/**
 * A title completing what was typed.
 *
 * @param id    the innovation
 * @param title its title
 */
public record Suggestion(UUID id, String title) {
}
