package id.go.bangka.inovasi.catalog.innovation;

/**
 * Why the catalogue refused a change; as a submission's rejection reason the text is {@code CODE: detail}.
 *
 * @param code   machine-readable
 * @param detail plain language
 */
public record Refusal(Code code, String detail) {

    /** The kinds of refusal. */
    public enum Code {
        /** No such innovation, or no such evidence or file in it. */
        NOT_FOUND,
        /** The submission names another OPD than the owner's. */
        FORBIDDEN,
        /** The change was based on another version than the current one. */
        CONFLICT,
        /** The lifecycle does not allow the action in the current status. */
        INVALID_STATE,
        /** The title is taken in the OPD and year. */
        DUPLICATE_TITLE,
        /** A creating submission for an id another submission created. */
        ALREADY_EXISTS,
        /** The submission was applied before: a redelivery, whose outcome the innovation already holds. */
        ALREADY_APPLIED
    }

    /** The reason as a submission outcome lists it. */
    public String reason() {
        return code + ": " + detail;
    }
}
