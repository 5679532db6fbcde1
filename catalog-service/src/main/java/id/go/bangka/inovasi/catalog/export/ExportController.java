package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.catalog.search.CatalogFilter;
import id.go.bangka.inovasi.catalog.search.CatalogSort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Open-data exports of the published catalogue as CSV or XLSX, with the search's filters and orders; the same file for
 * every caller. Rows are written to the response while the cursor reads them, so memory does not grow with the
 * export. The writing happens on the request's own thread rather than as an asynchronous
 * {@code StreamingResponseBody}: an asynchronous request ends at the container's async timeout (30 s on Tomcat), and a
 * slow download would then be cut short while looking complete.
 */
@RestController
@Tag(name = "Catalogue", description = "Search, read and export the catalogue of innovations")
public class ExportController {

    private static final ZoneId BANGKA = ZoneId.of("Asia/Jakarta");
    private static final DisconnectedClientHelper DISCONNECTED =
            new DisconnectedClientHelper(ExportController.class.getName());

    private final PublishedInnovations published;

    public ExportController(PublishedInnovations published) {
        this.published = published;
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
                @ApiResponse(responseCode = "400", description = "Invalid parameters or format")})
    void export(@ParameterObject @Valid CatalogFilter filter,
            @Parameter(description = "File format", schema = @Schema(allowableValues = {"csv", "xlsx"}))
            @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "Order of the rows") @RequestParam(defaultValue = "NEWEST") CatalogSort sort,
            HttpServletResponse response)
            throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format);
        String fileName = "inovasi-bangka-" + LocalDate.now(BANGKA) + "." + exportFormat.extension();
        try (Stream<ExportRow> rows = published.rows(filter, sort)) {
            // The query ran when the cursor opened: send the headers now, so that the gateway, which waits at most
            // its response timeout for them, does not give up while a large workbook is being built.
            response.setContentType(exportFormat.mediaType().toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            response.flushBuffer();
            exportFormat.writer().write(ExportColumn.ALL, rows.iterator(), response.getOutputStream());
        } catch (IOException e) {
            if (!DISCONNECTED.checkAndLogClientDisconnectedException(e)) {
                throw e;
            }
        }
    }
}
