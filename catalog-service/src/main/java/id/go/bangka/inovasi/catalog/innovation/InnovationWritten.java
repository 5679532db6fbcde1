package id.go.bangka.inovasi.catalog.innovation;

/**
 * Published (synchronously, on the writer's thread) after every write of an innovation, so that its snapshot is sent
 * right after the write, from the copy just written rather than read back.
 *
 * @param innovation the version written, as the writer passed it to the store
 */
public record InnovationWritten(Innovation innovation) {
}
