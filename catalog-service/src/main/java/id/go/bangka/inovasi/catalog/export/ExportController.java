package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import id.go.bangka.inovasi.platform.opd.OpdNames;
import id.go.bangka.inovasi.platform.opd.OpdRegistryClient;
import id.go.bangka.inovasi.platform.opd.OpdRegistryUnavailableException;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Open-data exports of the published catalogue as CSV or XLSX, with the search's filters and orders; the same file for
 * every caller. The search index answers the matching ids in order; rows are written to the response while their
 * records are read from MongoDB batch by batch, so memory grows with the export only by its ids. At most
 * {@code inovasi.catalog.export.max-concurrent} exports run at once (429 with Retry-After beyond), each on an export
 * thread ({@link ExportExecutorConfiguration}), never a request thread, and each is cut off at its deadline: a slow
 * reader holds one export slot for at most that long. A cut-off download fails visibly (the connection closes without
 * the chunked body's end), never as a short file that looks complete.
 */
@RestController
@Tag(name = "Catalogue", description = "Search, read and export the catalogue of innovations")
public class ExportController {

    private static final ZoneId BANGKA = ZoneId.of("Asia/Jakarta");
    private static final DisconnectedClientHelper DISCONNECTED =
            new DisconnectedClientHelper(ExportController.class.getName());

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final PublishedInnovations published;
    private final OpdRegistryClient opds;
    private final ExportSlots slots;
    private final ExportProperties properties;
    private final Clock clock;

    public ExportController(PublishedInnovations published, OpdRegistryClient opds, ExportSlots slots,
            ExportProperties properties, Clock clock) {
        this.published = published;
        this.opds = opds;
        this.slots = slots;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/innovations/export")
    @Operation(operationId = "exportInnovations", summary = "Published innovations as CSV or XLSX (open data)",
            description = "Public fields of PUBLISHED innovations with the search's filters, streamed as an"
                    + " attachment; the columns are listed in docs/exports.md.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The file", content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "400", description = "Invalid parameters or format"),
                @ApiResponse(responseCode = "429", description = "Too many exports being written; retry after"
                        + " Retry-After seconds"),
                @ApiResponse(responseCode = "503", description = "The OPD registry, which names each row's OPD,"
                        + " cannot be read, or the search index that lists the rows is still being rebuilt; retry"
                        + " after Retry-After seconds")})
    StreamingResponseBody export(@ParameterObject @Valid CatalogFilter filter,
            @Parameter(description = "File format", schema = @Schema(allowableValues = {"csv", "xlsx"}))
            @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "Order of the rows, as the search orders its pages; RELEVANCE by default with"
                    + " q, NEWEST without") @RequestParam(required = false) CatalogSort sort,
            HttpServletResponse response) throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format);
        String fileName = "inovasi-bangka-" + LocalDate.now(BANGKA) + "." + exportFormat.extension();
        if (!published.listable()) {
            throw ApiProblem.unavailable("Search index rebuilding", "The export lists what the search index finds,"
                    + " and this replica is still rebuilding it; nothing was exported. Try again.",
                    properties.retryAfter());
        }
        OpdNames names = opdNames();
        ExportSlots.Slot slot = slots.take();
        Stream<ExportRow> opened = null;
        try {
            opened = published.rows(filter, CatalogSort.orDefault(sort, filter), names);
            // The ids and the first records are read: send the headers now, so that the gateway, which waits at most
            // its response timeout for them, does not give up while a large workbook is being built.
            response.setContentType(exportFormat.mediaType().toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            response.flushBuffer();
        } catch (IOException | RuntimeException e) {
            slot.close();
            if (opened != null) {
                opened.close();
            }
            throw e;
        }
        Stream<ExportRow> rows = opened;
        Instant deadline = clock.instant().plus(properties.deadline());
        return out -> {
            try (slot; rows) {
                exportFormat.writer().write(ExportColumn.ALL, rows.iterator(),
                        new DeadlineOutputStream(out, clock, deadline));
            } catch (IOException e) {
                if (!DISCONNECTED.checkAndLogClientDisconnectedException(e)) {
                    log.warn("Export {} cut off: {}", fileName, e.getMessage());
                    throw new ExportCutOff(e);
                }
            }
        };
    }

    private OpdNames opdNames() {
        try {
            return opds.names();
        } catch (OpdRegistryUnavailableException e) {
            throw ApiProblem.unavailable("OPD registry unavailable", "The export names each OPD, and the OPD"
                    + " registry could not be read; nothing was exported. Try again.", properties.retryAfter());
        }
    }
}
