package id.go.bangka.inovasi.catalog.ops;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** The one rule of the operations API: role {@code ops}; anonymous callers get 401, others 403. */
public final class OpsAccess {

    private OpsAccess() {
    }

    /**
     * Refuses callers without the ops role.
     *
     * @param action what the caller tried, in words ("republish snapshots")
     */
    public static void require(CallerIdentity caller, String action) {
        if (!caller.hasRole(Roles.OPS)) {
            throw caller.isAnonymous()
                    ? new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "Operations need an ops key.")
                    : ApiProblem.forbidden("Only ops may " + action + ".");
        }
    }
}
