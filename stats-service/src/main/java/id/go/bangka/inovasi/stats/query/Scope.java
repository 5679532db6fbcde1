package id.go.bangka.inovasi.stats.query;

import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.stats.view.InnovationFacts;

/** Which innovations a caller's numbers count: reviewers and ops every status, everyone else PUBLISHED only. */
public enum Scope {
    ALL,
    PUBLISHED;

    public static Scope of(CallerIdentity caller) {
        return caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.OPS) ? ALL : PUBLISHED;
    }

    public boolean includes(InnovationFacts facts) {
        return this == ALL || facts.status() == InnovationStatus.PUBLISHED;
    }
}
