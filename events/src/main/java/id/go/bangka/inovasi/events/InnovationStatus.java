package id.go.bangka.inovasi.events;

/** Lifecycle of an innovation in the catalogue (DOMAIN.md). */
public enum InnovationStatus {
    SUBMITTED,
    REVISION_REQUESTED,
    VERIFIED,
    PUBLISHED,
    ARCHIVED,
    WITHDRAWN
}
