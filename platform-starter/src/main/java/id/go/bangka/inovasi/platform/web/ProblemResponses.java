package id.go.bangka.inovasi.platform.web;

import id.go.bangka.inovasi.platform.http.BodySizeLimitFilter;
import id.go.bangka.inovasi.platform.identity.InvalidIdentityException;
import id.go.bangka.inovasi.platform.json.JsonErrors;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.InvalidBodyException;
import id.go.bangka.inovasi.platform.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

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
        return answer(problem);
    }

    /** The answer to an {@link ApiProblem}: its status, {@code Retry-After} when it has one, and its problem body. */
    public static ResponseEntity<ProblemDetail> answer(ApiProblem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
        problem.retryAfter().ifPresent(after ->
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds()))));
        return answer.body(problem.toProblemDetail());
    }

    @ExceptionHandler(InvalidBodyException.class)
    ResponseEntity<Object> invalidBody(InvalidBodyException e) {
        return validationProblem(e.errors());
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

    /**
     * The last resort: a 500 problem. When the answer has already begun (a streamed body failing half-way), no
     * problem can be written any more: the exception goes on to the container, which closes the connection without
     * ending the body, so the client sees the failure instead of a short answer that looks complete.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (response != null && response.isCommitted()) {
            throw e;
        }
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiProblem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. It has been logged; try again later.").toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(body ? pointer(e.getField()) : e.getField(), e.isBindingFailure()
                        ? "has the wrong type or an unknown value" : e.getDefaultMessage(),
                        e.isBindingFailure() ? FieldError.UNREADABLE : e.getCode()))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors bean
                        ? bean.getFieldErrors().stream().map(error -> new FieldError(
                                result.getMethodParameter().hasParameterAnnotation(RequestBody.class)
                                        ? pointer(error.getField()) : error.getField(), error.getDefaultMessage(),
                                error.getCode()))
                        : result.getResolvableErrors().stream()
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
                return validationProblem(List.of(new FieldError(JsonErrors.pointer(databind),
                        JsonErrors.explain(databind), FieldError.UNREADABLE)));
            }
        }
        ProblemDetail problem = ApiProblem.badRequest(
                "The request body is not valid JSON for this endpoint: " + readableCause(ex)).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON pointer of a Spring property path: {@code links.documents[2]} is {@code /links/documents/2}. */
    private static String pointer(String propertyPath) {
        return "/" + propertyPath.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
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

    static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
        ProblemDetail problem = new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid value(s); see errors.")
                .with("errors", errors).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    /** The name the caller used: the query parameter's or header's name, else the Java parameter's. */
    private static String parameterName(ParameterValidationResult result) {
        MethodParameter parameter = result.getMethodParameter();
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
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
