package id.go.bangka.inovasi.catalog.export;

/**
 * An export that could not be written to its end (its deadline passed, or writing failed) after its headers were
 * sent. It reaches the container unanswered, which then closes the connection without ending the chunked body, so the
 * client sees the download fail rather than a short file.
 */
public class ExportCutOff extends RuntimeException {

    ExportCutOff(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
