package id.go.bangka.inovasi.catalog.evidence;

import com.mongodb.client.gridfs.model.GridFSFile;
import id.go.bangka.inovasi.catalog.innovation.Evidence;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files in GridFS: an upload is stored only when its content is a PDF, JPEG or PNG ({@link FileType}, never
 * the name), under a sanitised name with the real extension ({@link FileNames}), tagged with its innovation and
 * indicator.
 */
@Component
class EvidenceFiles {

    private final GridFsTemplate files;

    EvidenceFiles(GridFsTemplate files) {
        this.files = files;
    }

    /**
     * Stores an upload.
     *
     * @throws ApiProblem 400 without a file, 415 when its content is none of the accepted types
     */
    Evidence.EvidenceFile store(MultipartFile upload, UUID innovationId, String indicator) {
        if (upload == null || upload.isEmpty()) {
            throw EvidenceService.invalid(List.of(new FieldError("file",
                    "a non-empty file part named 'file' is required")));
        }
        try (PushbackInputStream in = new PushbackInputStream(upload.getInputStream(), 8)) {
            byte[] head = in.readNBytes(8);
            FileType type = FileType.detect(head).orElseThrow(() -> new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type",
                    "Evidence files must be PDF, JPEG or PNG; the content of this file is none of them."));
            in.unread(head);
            String name = FileNames.sanitise(upload.getOriginalFilename(), type);
            ObjectId fileId = files.store(in, name, type.contentType(),
                    new Document("innovationId", innovationId.toString()).append("indicator", indicator));
            return new Evidence.EvidenceFile(fileId.toHexString(), name, type.contentType(), upload.getSize());
        } catch (IOException e) {
            throw ApiProblem.badRequest("The file could not be read: " + e.getMessage());
        }
    }

    /** A stored file, or empty when the id is malformed or nothing is stored under it. */
    Optional<GridFsResource> find(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        GridFSFile file = files.findOne(byId(fileId));
        return file == null ? Optional.empty() : Optional.of(files.getResource(file));
    }

    /** Deletes a stored file; a malformed id deletes nothing. */
    void delete(String fileId) {
        if (ObjectId.isValid(fileId)) {
            files.delete(byId(fileId));
        }
    }

    private static Query byId(String fileId) {
        return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
    }
}
