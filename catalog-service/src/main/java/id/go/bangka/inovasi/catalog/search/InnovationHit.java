package id.go.bangka.inovasi.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.go.bangka.inovasi.catalog.innovation.InnovationView;

/**
 * An innovation of a search page: its fields, and with a text search the highlights of why it matched.
 *
 * @param innovation the innovation as the API shows it
 * @param highlight  title and text snippets with the matches marked; absent without a text
 */
public record InnovationHit(@JsonUnwrapped InnovationView innovation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Highlight highlight) {
}
