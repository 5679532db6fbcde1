package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence per IID indicator: owners declare and upload, reviewers verify, both read. */
@RestController
@RequestMapping("/api/v1/innovations/{id}/evidence")
public class EvidenceController {

    private final EvidenceService evidence;

    public EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping
    EvidenceView view(CallerIdentity caller, @PathVariable UUID id) {
        return evidence.view(caller, id);
    }

    @PutMapping("/{indicator}")
    EvidenceView declare(CallerIdentity caller, @PathVariable UUID id, @PathVariable String indicator,
            @Valid @RequestBody(required = false) EvidenceRequest request) {
        return view(caller, evidence.declare(caller, id, indicator, request));
    }

    @PostMapping(path = "/{indicator}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    EvidenceView upload(CallerIdentity caller, @PathVariable UUID id, @PathVariable String indicator,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return view(caller, evidence.addFile(caller, id, indicator, file));
    }

    @DeleteMapping("/{indicator}/files/{fileId}")
    EvidenceView remove(CallerIdentity caller, @PathVariable UUID id, @PathVariable String indicator,
            @PathVariable String fileId) {
        return view(caller, evidence.removeFile(caller, id, indicator, fileId));
    }

    @GetMapping("/{indicator}/files/{fileId}")
    ResponseEntity<InputStreamResource> download(CallerIdentity caller, @PathVariable UUID id,
            @PathVariable String indicator, @PathVariable String fileId) throws IOException {
        GridFsResource file = evidence.file(caller, id, indicator, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .contentLength(file.contentLength())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFilename()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(file.getInputStream()));
    }

    @PostMapping("/{indicator}/verification")
    EvidenceView verify(CallerIdentity caller, @PathVariable UUID id, @PathVariable String indicator,
            @Valid @RequestBody(required = false) VerificationRequest request) {
        return view(caller, evidence.verify(caller, id, indicator, request));
    }

    private EvidenceView view(CallerIdentity caller, Innovation changed) {
        return evidence.view(caller, changed.id());
    }
}
