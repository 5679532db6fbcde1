package id.go.bangka.inovasi.gateway.session;

import id.go.bangka.inovasi.gateway.caller.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Who the caller is, as the gateway authenticated it ({@code GET /api/v1/session}).
 *
 * @param clientId the client's id ({@code oidc:<subject>} for a token)
 * @param roles    its roles, sorted
 * @param opdCodes the OPD codes it may act for, sorted; {@code *} for every code
 * @param method   {@code API_KEY} or {@code OIDC}
 */
@Schema(description = "The authenticated caller")
public record SessionView(
        @Schema(example = "portal-dinkes") String clientId,
        @Schema(example = "[\"portal\"]") List<String> roles,
        @Schema(example = "[\"DINKES\"]", description = "The OPD codes it may act for; * for every code")
        List<String> opdCodes,
        @Schema(allowableValues = {"API_KEY", "OIDC"}) String method) {

    static SessionView of(Caller caller) {
        return new SessionView(caller.clientId(), caller.roles().stream().sorted().toList(),
                caller.opdCodes().stream().sorted().toList(), caller.method().name());
    }
}
