package id.go.bangka.inovasi.platform.validation;

import id.go.bangka.inovasi.platform.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation of a request body, as the platform's field errors with JSON pointers and the constraint's name. */
public final class ConstraintErrors {

    private ConstraintErrors() {
    }

    /** Every violation of {@code body}'s constraints, ordered by pointer; empty for a null body. */
    public static List<FieldError> of(Validator validator, Object body) {
        if (body == null) {
            return List.of();
        }
        return of(validator.validate(body));
    }

    public static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> new FieldError(pointer(v.getPropertyPath()), v.getMessage(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()))
                .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail)).toList();
    }

    /** The JSON pointer of a property path: {@code links.documents[2]} is {@code /links/documents/2}. */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(escape(node.getKey().toString()));
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getKind() != ElementKind.BEAN
                    && node.getName() != null) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    /** A JSON pointer segment (RFC 6901). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
