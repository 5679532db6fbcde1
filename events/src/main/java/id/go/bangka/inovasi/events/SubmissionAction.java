package id.go.bangka.inovasi.events;

/** What a portal asks of the catalogue. */
public enum SubmissionAction {
    CREATE,
    REVISE,
    WITHDRAW
}
