package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who sees which innovations: the public only PUBLISHED ones, a portal also its own OPDs' in any status, reviewers and
 * ops everything.
 */
public final class Visibility {

    private Visibility() {
    }

    public static boolean maySee(CallerIdentity caller, Innovation innovation) {
        return seesEverything(caller) || innovation.status() == InnovationStatus.PUBLISHED
                || (caller.hasRole(Roles.PORTAL) && caller.mayActFor(innovation.opdCode()));
    }

    /** The same rule as a query criterion. */
    public static Criteria criteria(CallerIdentity caller) {
        if (seesEverything(caller) || (caller.hasRole(Roles.PORTAL)
                && caller.opdCodes().contains(CallerIdentity.ALL_OPDS))) {
            return new Criteria();
        }
        Criteria published = Criteria.where("status").is(InnovationStatus.PUBLISHED);
        if (caller.hasRole(Roles.PORTAL) && !caller.opdCodes().isEmpty()) {
            return new Criteria().orOperator(published, Criteria.where("opdCode").in(caller.opdCodes()));
        }
        return published;
    }

    private static boolean seesEverything(CallerIdentity caller) {
        return caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.OPS);
    }
}
