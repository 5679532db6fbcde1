package id.go.bangka.inovasi.platform.problem;

import id.go.bangka.inovasi.platform.identity.InvalidIdentityException;
import id.go.bangka.inovasi.platform.http.BodySizeLimitFilter;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} response: Spring MVC's own exceptions,
 * validation failures (one entry per invalid field, all at once), {@link ApiProblem}s, and, as a last resort, a 500
 * that reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
        problem.retryAfter().ifPresent(after ->
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds()))));
        return answer.body(problem.toProblemDetail());
    }

    @ExceptionHandler(InvalidIdentityException.class)
    ResponseEntity<ProblemDetail> invalidIdentity(InvalidIdentityException e) {
        ProblemDetail problem = new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", e.getMessage())
                .toProblemDetail();
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Signature realm=\"inovasi\"").body(problem);
    }

    /** A query string the server cannot decode (invalid UTF-8 or percent-encoding). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(ApiProblem.badRequest(
                "The query string is not valid: every parameter must be percent-encoded UTF-8.").toProblemDetail());
    }

    /** A multipart body that cannot be parsed (no boundary, truncated, not multipart at all). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(ApiProblem.badRequest(
                "The multipart/form-data body cannot be read: " + e.getMessage()).toProblemDetail());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiProblem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. It has been logged; try again later.").toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError("/" + e.getField().replace('.', '/'), e.isBindingFailure()
                        ? "has the wrong type or an unknown value" : e.getDefaultMessage()))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), error.getDefaultMessage())))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new ApiProblem(
                        HttpStatus.CONTENT_TOO_LARGE, "Content too large", tooLarge.getMessage()).toProblemDetail());
            }
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                return validationProblem(List.of(new FieldError(pointer(databind), explain(databind))));
            }
        }
        ProblemDetail problem = ApiProblem.badRequest(
                "The request body is not valid JSON for this endpoint: " + readableCause(ex)).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    private static String pointer(DatabindException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : Integer.toString(r.getIndex()))
                .map(part -> "/" + part.replace("~", "~0").replace("/", "~1"))
                .collect(Collectors.joining());
    }

    private static String explain(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field: it is not part of this API";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "must be a valid " + target.getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "has the wrong type: expected " + mismatched.getTargetType().getSimpleName();
        }
        return "is not valid here";
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            problem.setType(URI.create(ProblemTypes.BASE + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
        ProblemDetail problem = new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid value(s); see errors.")
                .with("errors", errors).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String readableCause(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine;
    }
}
