package id.go.bangka.inovasi.events;

/** A record's payload could not be read as the event type it claims; such records belong in a dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
