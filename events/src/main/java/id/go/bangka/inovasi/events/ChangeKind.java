package id.go.bangka.inovasi.events;

/** What caused a new version of an innovation. */
public enum ChangeKind {
    SUBMISSION_APPLIED,
    REVIEW_DECISION,
    EVIDENCE_CHANGED
}
