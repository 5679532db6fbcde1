package id.go.bangka.inovasi.platform.problem;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An exception that is answered as an RFC 9457 problem. Throw it from any layer to refuse a request with a 4xx and a
 * plain-language detail.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    /** 503: the service cannot take the request now; the caller may retry after the given time. */
    public static ApiProblem unavailable(String title, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, title, detail).retryAfter(retryAfter);
    }

    /** Answers with a {@code Retry-After} header of this many seconds (at least one). */
    public ApiProblem retryAfter(Duration after) {
        this.retryAfter = after;
        return this;
    }

    /** The {@code Retry-After} to answer with, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Adds an extension member to the problem body. */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem body. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setTitle(title);
        problem.setType(URI.create(ProblemTypes.BASE + status.value()));
        properties.forEach(problem::setProperty);
        return problem;
    }
}
