package id.go.bangka.inovasi.catalog.innovation;

import java.time.Instant;
import java.util.List;

/**
 * The owner's evidence for one IID indicator. Any change by the owner resets its verification to PENDING.
 *
 * @param indicator    indicator code
 * @param parameter    the chosen parameter, 1-3
 * @param links        http(s) links
 * @param files        files stored in GridFS
 * @param state        PENDING, ACCEPTED or REJECTED
 * @param reviewerNote the reviewer's note on acceptance or rejection (the owner reads it; never public)
 * @param updatedAt    last change
 * @param updatedBy    who made it
 */
public record Evidence(String indicator, int parameter, List<String> links, List<EvidenceFile> files,
        State state, String reviewerNote, Instant updatedAt, String updatedBy) {

    public Evidence {
        links = links == null ? List.of() : List.copyOf(links);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Verification state of a piece of evidence. */
    public enum State {
        PENDING,
        ACCEPTED,
        REJECTED
    }

    /**
     * A file of evidence.
     *
     * @param id          GridFS id (hex)
     * @param name        the uploaded file name, sanitised
     * @param contentType detected from the content, not the name
     * @param size        bytes
     */
    public record EvidenceFile(String id, String name, String contentType, long size) {
    }
}
