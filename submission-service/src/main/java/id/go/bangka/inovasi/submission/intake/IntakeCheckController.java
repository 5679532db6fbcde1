package id.go.bangka.inovasi.submission.intake;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import id.go.bangka.inovasi.platform.identity.Roles;
import id.go.bangka.inovasi.platform.identity.VerifiedIdentityFilter;
import id.go.bangka.inovasi.platform.problem.ApiProblem;
import id.go.bangka.inovasi.platform.problem.FieldError;
import id.go.bangka.inovasi.platform.problem.InvalidBodyException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake's rules without intake: {@code POST /api/v1/proposal-checks} (a {@link ProposalRequest}) and
 * {@code POST /api/v1/withdrawal-checks} (a {@link WithdrawalRequest}) answer 204 when the body passes every rule
 * intake applies, or the same 400 problem intake gives, every error at once. Nothing is claimed or published.
 * Internal: catalog-service calls it, signing as itself for the ops caller who replays a corrected dead letter; not
 * routed by the gateway, so not in the OpenAPI document, and refused (403) to anyone else.
 */
@RestController
@Hidden
public class IntakeCheckController {

    /** The only signer whose requests are checked: catalog-service, acting for an ops caller. */
    static final String CATALOG_SERVICE = "catalog-service";

    private final ProposalValidator validator;

    public IntakeCheckController(ProposalValidator validator) {
        this.validator = validator;
    }

    @PostMapping("/api/v1/proposal-checks")
    ResponseEntity<Void> checkProposal(CallerIdentity caller,
            @RequestAttribute(VerifiedIdentityFilter.SIGNER_ATTRIBUTE) String signer,
            @RequestBody(required = false) ProposalRequest proposal) {
        requireCatalogActingForOps(caller, signer);
        if (proposal == null) {
            throw new InvalidBodyException(List.of(new FieldError("", "a JSON body with the innovation is required")));
        }
        return answer(validator.validate(proposal).errors());
    }

    @PostMapping("/api/v1/withdrawal-checks")
    ResponseEntity<Void> checkWithdrawal(CallerIdentity caller,
            @RequestAttribute(VerifiedIdentityFilter.SIGNER_ATTRIBUTE) String signer,
            @RequestBody(required = false) WithdrawalRequest withdrawal) {
        requireCatalogActingForOps(caller, signer);
        return answer(validator.errors(withdrawal == null ? new WithdrawalRequest(null, null) : withdrawal));
    }

    private static ResponseEntity<Void> answer(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidBodyException(errors);
        }
        return ResponseEntity.noContent().build();
    }

    private static void requireCatalogActingForOps(CallerIdentity caller, String signer) {
        if (!CATALOG_SERVICE.equals(signer) || !caller.hasRole(Roles.OPS)) {
            throw ApiProblem.forbidden("Only catalog-service, acting for an ops caller, may check bodies against"
                    + " intake's rules.");
        }
    }
}
