package id.go.bangka.inovasi.platform.problem;

import java.util.List;

/** A request body with invalid values, every one listed; answered as a 400 problem with {@code errors}. */
public class InvalidBodyException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidBodyException(List<FieldError> errors) {
        super("The request has " + errors.size() + " invalid value(s); see errors.");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
