package id.go.bangka.inovasi.platform.problem;

/**
 * One invalid part of a request, listed in a 400 problem's {@code errors} member.
 *
 * @param pointer JSON Pointer (RFC 6901) into the body, or the name of a query parameter or header
 * @param detail  what is wrong, in plain language
 */
public record FieldError(String pointer, String detail) {
}
