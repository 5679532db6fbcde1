package id.go.bangka.inovasi.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid part of a request, listed in a 400 problem's {@code errors} member.
 *
 * @param pointer JSON Pointer (RFC 6901) into the body, or the name of a query parameter or header
 * @param detail  what is wrong, in plain language (English)
 * @param code    which rule it broke, for clients that explain it in their own words: the constraint's name
 *                ({@code NotNull}, {@code Size}, {@code HttpLink}, {@code ReportingYear}, {@code DatesInOrder}...),
 *                {@value #UNKNOWN_FIELD} or {@value #UNREADABLE}; absent for the other checks
 */
public record FieldError(String pointer, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) String code) {

    /** A field the API does not know. */
    public static final String UNKNOWN_FIELD = "UnknownField";
    /** A value of the wrong type or form (not a number, not a date, not one of an enumeration's codes...). */
    public static final String UNREADABLE = "Unreadable";

    /** An error without a code. */
    public FieldError(String pointer, String detail) {
        this(pointer, detail, null);
    }
}
