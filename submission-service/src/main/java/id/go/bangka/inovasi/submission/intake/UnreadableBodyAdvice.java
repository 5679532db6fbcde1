package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.problem.InvalidBodyException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A proposal or withdrawal with unreadable values (an unknown enum value, text where a number belongs) is refused
 * before the intake sees it; this adds the Idempotency-Key's errors and counts the refusal like any invalid request.
 */
@RestControllerAdvice(assignableTypes = IntakeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodyAdvice {

    private final IntakeService intake;

    UnreadableBodyAdvice(IntakeService intake) {
        this.intake = intake;
    }

    @ExceptionHandler(InvalidBodyException.class)
    ResponseEntity<ProblemDetail> unreadable(InvalidBodyException e, HttpServletRequest request) {
        var problem = intake.unreadableBody(request.getHeader("Idempotency-Key"), e.errors());
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }
}
