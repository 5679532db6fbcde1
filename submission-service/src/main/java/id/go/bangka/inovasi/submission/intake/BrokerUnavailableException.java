package id.go.bangka.inovasi.submission.intake;

/** The broker did not acknowledge a submission in time: intake answers 503 and the portal retries with its key. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("The message broker did not acknowledge the submission", cause);
    }
}
