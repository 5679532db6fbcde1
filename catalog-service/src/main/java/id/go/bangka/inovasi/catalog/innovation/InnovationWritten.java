package id.go.bangka.inovasi.catalog.innovation;

import java.util.UUID;

/**
 * Published (synchronously, on the writer's thread) after every write of an innovation, so that its snapshot is sent
 * right after the write.
 *
 * @param id      the innovation
 * @param version the version written
 */
public record InnovationWritten(UUID id, long version) {
}
