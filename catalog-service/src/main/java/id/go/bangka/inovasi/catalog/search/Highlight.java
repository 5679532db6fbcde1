package id.go.bangka.inovasi.catalog.search;

/**
 * Why an innovation matched a text: snippets of its title and texts, HTML-escaped, each match in {@code <mark>}.
 *
 * @param title the whole title, matches marked
 * @param text  the best passages of the design, goals, benefits and results, matches marked; null when they are empty
 */
public record Highlight(String title, String text) {
}
