package id.go.bangka.inovasi.catalog.evidence;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Evidence", description = "IID evidence per indicator: owners declare and upload, reviewers verify")
public class EvidenceController {

    private final EvidenceService evidence;

    public EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @GetMapping
    @Operation(operationId = "getEvidence", summary = "Every IID indicator with its evidence and scores",
            description = "The owning OPD's portal, reviewers and ops: the evidence given and the claimed and verified"
                    + " scores of the assessment period.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Every indicator with its evidence and scores"),
                @ApiResponse(responseCode = "404", description = "No such innovation visible to this caller")})
    EvidenceView view(CallerIdentity caller, @Parameter(description = "The innovation") @PathVariable UUID id) {
        return evidence.view(caller, id);
    }

    @PutMapping("/{indicator}")
    @Operation(operationId = "declareEvidence", summary = "Declare evidence of one indicator; resets it to PENDING",
            description = "The owning OPD's portal: the parameter claimed (1 to 3) and links.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "declaration",
                            value = "{\"parameter\":2,\"links\":[\"https://bappeda.bangka.go.id/sk.pdf\"]}"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The evidence after the change"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, all listed in errors"),
                @ApiResponse(responseCode = "403", description = "Not the owning OPD's portal"),
                @ApiResponse(responseCode = "404", description = "No such innovation or indicator"),
                @ApiResponse(responseCode = "409", description = "The innovation is closed (archived or withdrawn)")})
    EvidenceView declare(CallerIdentity caller, @Parameter(description = "The innovation") @PathVariable UUID id,
            @Parameter(description = "IID indicator code, e.g. 16 (16 to 35 in 2026)") @PathVariable String indicator,
            @Valid @RequestBody(required = false) EvidenceRequest request) {
        return view(caller, evidence.declare(caller, id, indicator, request));
    }

    @PostMapping(path = "/{indicator}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadEvidenceFile", summary = "Add a file to an indicator's evidence",
            description = "The owning OPD's portal: a PDF, JPEG or PNG (checked by content), at most 10 MiB, after the"
                    + " evidence was declared.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The evidence after the change"),
                @ApiResponse(responseCode = "400", description = "No file, or an unreadable multipart body"),
                @ApiResponse(responseCode = "403", description = "Not the owning OPD's portal"),
                @ApiResponse(responseCode = "404", description = "No such innovation or indicator"),
                @ApiResponse(responseCode = "409", description = "No evidence declared, too many files, or closed"),
                @ApiResponse(responseCode = "413", description = "File over 10 MiB"),
                @ApiResponse(responseCode = "415", description = "Not a PDF, JPEG or PNG")})
    EvidenceView upload(CallerIdentity caller, @Parameter(description = "The innovation") @PathVariable UUID id,
            @Parameter(description = "IID indicator code, e.g. 16 (16 to 35 in 2026)") @PathVariable String indicator,
            @Parameter(description = "The file: PDF, JPEG or PNG")
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return view(caller, evidence.addFile(caller, id, indicator, file));
    }

    @DeleteMapping("/{indicator}/files/{fileId}")
    @Operation(operationId = "removeEvidenceFile", summary = "Remove a file from an indicator's evidence",
            description = "The owning OPD's portal.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The evidence after the change"),
                @ApiResponse(responseCode = "403", description = "Not the owning OPD's portal"),
                @ApiResponse(responseCode = "404", description = "No such innovation, indicator or file"),
                @ApiResponse(responseCode = "409", description = "The innovation is closed")})
    EvidenceView remove(CallerIdentity caller, @Parameter(description = "The innovation") @PathVariable UUID id,
            @Parameter(description = "IID indicator code, e.g. 16 (16 to 35 in 2026)") @PathVariable String indicator,
            @Parameter(description = "The file, as listed in the evidence") @PathVariable String fileId) {
        return view(caller, evidence.removeFile(caller, id, indicator, fileId));
    }

    @GetMapping("/{indicator}/files/{fileId}")
    @Operation(operationId = "downloadEvidenceFile", summary = "Download a file of an indicator's evidence",
            description = "The owning OPD's portal, reviewers and ops; as an attachment.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file", content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "404", description = "No such innovation, indicator or file")})
    ResponseEntity<InputStreamResource> download(CallerIdentity caller,
            @Parameter(description = "The innovation") @PathVariable UUID id,
            @Parameter(description = "IID indicator code, e.g. 16 (16 to 35 in 2026)") @PathVariable String indicator,
            @Parameter(description = "The file, as listed in the evidence") @PathVariable String fileId)
            throws IOException {
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
    @Operation(operationId = "verifyEvidence", summary = "Accept or reject an indicator's evidence",
            description = "Reviewers only; the verified score counts accepted evidence only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "accept",
                            value = "{\"state\":\"ACCEPTED\",\"note\":\"SK bupati sesuai\"}"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The evidence after the verification"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, all listed in errors"),
                @ApiResponse(responseCode = "403", description = "Not a reviewer"),
                @ApiResponse(responseCode = "404", description = "No such innovation, or no evidence to verify"),
                @ApiResponse(responseCode = "409", description = "The innovation is closed")})
    EvidenceView verify(CallerIdentity caller, @Parameter(description = "The innovation") @PathVariable UUID id,
            @Parameter(description = "IID indicator code, e.g. 16 (16 to 35 in 2026)") @PathVariable String indicator,
            @Valid @RequestBody(required = false) VerificationRequest request) {
        return view(caller, evidence.verify(caller, id, indicator, request));
    }

    private EvidenceView view(CallerIdentity caller, Innovation changed) {
        return evidence.view(caller, changed.id());
    }
}
