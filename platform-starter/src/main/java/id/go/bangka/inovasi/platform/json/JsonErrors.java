package id.go.bangka.inovasi.platform.json;

import id.go.bangka.inovasi.platform.validation.ConstraintErrors;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Where a JSON body could not be read into its type, and why, in the words of a field error. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The JSON pointer of the failing value, relative to what was being read. */
    public static String pointer(DatabindException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : Integer.toString(r.getIndex()))
                .map(part -> "/" + ConstraintErrors.escape(part))
                .collect(Collectors.joining());
    }

    /** What is wrong with the value, naming the allowed values of an enumeration. */
    public static String explain(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field: it is not part of this API";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (!(invalid.getValue() instanceof String && jsonType(target) != null)) {
                return "must be a valid " + target.getSimpleName();
            }
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> target = mismatched.getTargetType();
            String type = jsonType(target);
            return "has the wrong type: expected " + (type != null ? type : target.getSimpleName());
        }
        return "is not valid here";
    }

    /** The JSON type a Java type is read from, for numbers, booleans and text. */
    private static String jsonType(Class<?> target) {
        if (target == String.class) {
            return "text";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != char.class)) {
            return "a number";
        }
        return null;
    }
}
