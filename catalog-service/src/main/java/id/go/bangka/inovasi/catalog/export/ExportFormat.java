package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;

/** The file formats of the export, named by their extension in the {@code format} query parameter. */
public enum ExportFormat {
    CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8), new CsvExportWriter()),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            new XlsxExportWriter());

    private final String extension;
    private final MediaType mediaType;
    private final ExportWriter writer;

    ExportFormat(String extension, MediaType mediaType, ExportWriter writer) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.writer = writer;
    }

    /**
     * The format with this extension, in any case.
     *
     * @throws ApiProblem 400 naming the parameter when there is none
     */
    public static ExportFormat of(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(extension.strip())).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("The export format must be csv or xlsx.")
                        .with("errors", List.of(new FieldError("format", "must be csv or xlsx"))));
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    ExportWriter writer() {
        return writer;
    }
}
