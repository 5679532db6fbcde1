package id.go.bangka.inovasi.platform.opd;

/** The OPD registry could not be read, and no names read earlier can serve instead. */
public class OpdRegistryUnavailableException extends RuntimeException {

    public OpdRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
