package id.go.bangka.inovasi.platform.identity;

/** The platform's roles. */
public final class Roles {

    /** An OPD portal: submits and revises for its own OPD codes. */
    public static final String PORTAL = "portal";
    /** Bappeda's reviewers: see everything, decide reviews. */
    public static final String REVIEWER = "reviewer";
    /** Operators. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
