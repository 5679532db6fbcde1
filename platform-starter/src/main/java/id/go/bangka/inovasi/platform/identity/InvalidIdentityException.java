package id.go.bangka.inovasi.platform.identity;

/** The identity headers of a request are missing, forged or stale. */
public class InvalidIdentityException extends RuntimeException {

    public InvalidIdentityException(String message) {
        super(message);
    }
}
