package id.go.bangka.inovasi.catalog.ops.deadletter;

import java.util.List;

/**
 * One page of the dead-letter topic, ordered by partition and offset.
 *
 * @param items the dead letters of the page
 * @param total how many dead letters the topic holds (within its retention)
 * @param page  zero-based page number
 * @param size  page size asked for
 */
public record DeadLetterPage(List<DeadLetter> items, long total, int page, int size) {
}
