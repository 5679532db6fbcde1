package id.go.bangka.inovasi.gateway.request;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body over {@code inovasi.gateway.request.max-body-size}: answered 413, never counted against a service. */
public class PayloadTooLargeException extends ResponseStatusException {

    public PayloadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the " + maxBytes + " bytes accepted.");
    }
}
