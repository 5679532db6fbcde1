package id.go.bangka.inovasi.catalog.innovation;

import id.go.bangka.inovasi.events.InnovationStatus;
import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import java.util.Set;

/**
 * Who sees which innovations: the public only PUBLISHED ones, a portal also its own OPDs' in any status, reviewers and
 * ops everything. Personal data (the initiator's name) only the owner and reviewers see, unless it was consented.
 */
public final class Visibility {

    private Visibility() {
    }

    public static boolean maySee(CallerIdentity caller, Innovation innovation) {
        return innovation.status() == InnovationStatus.PUBLISHED || mayReadPersonalData(caller, innovation);
    }

    public static boolean mayReadPersonalData(CallerIdentity caller, Innovation innovation) {
        return seesEverything(caller) || (caller.hasRole(Roles.PORTAL) && caller.mayActFor(innovation.opdCode()));
    }

    /** Whether the caller sees innovations of every status and OPD (reviewers, ops, a portal for all OPDs). */
    public static boolean seesAll(CallerIdentity caller) {
        return seesEverything(caller) || ownOpdCodes(caller).contains(CallerIdentity.ALL_OPDS);
    }

    /** The OPDs whose innovations the caller sees in any status besides the published ones: a portal's own. */
    public static Set<String> ownOpdCodes(CallerIdentity caller) {
        return caller.hasRole(Roles.PORTAL) ? Set.copyOf(caller.opdCodes()) : Set.of();
    }

    private static boolean seesEverything(CallerIdentity caller) {
        return caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.OPS);
    }
}
