package id.go.bangka.inovasi.catalog.intake;

/**
 * Why the catalogue refused a submission; the reason text is {@code CODE: detail}.
 *
 * @param code   machine-readable: NOT_FOUND, FORBIDDEN, CONFLICT, INVALID_STATE, DUPLICATE_TITLE, ALREADY_EXISTS
 * @param detail plain language
 */
record Rejection(String code, String detail) {

    String reason() {
        return code + ": " + detail;
    }
}
