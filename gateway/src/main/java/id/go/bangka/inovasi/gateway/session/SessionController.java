package id.go.bangka.inovasi.gateway.session;

import id.go.bangka.inovasi.gateway.caller.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own answers about signing in: who the caller is (the web pages check a key or a token with it and
 * show the OPDs it may act for) and how the web pages may sign in.
 */
@RestController
@Tag(name = "session", description = "Who the caller is and how the web pages sign in")
public class SessionController {

    private final SignInOptions options;

    public SessionController(WebSignInProperties web,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        this.options = new SignInOptions(web.oidc(issuer).orElse(null));
    }

    @GetMapping("/api/v1/session")
    @Operation(operationId = "session", summary = "Who am I: the caller's id, roles and OPD codes",
            description = "Any authenticated caller (API key or OIDC token).", responses = {
                @ApiResponse(responseCode = "200", description = "The caller"),
                @ApiResponse(responseCode = "401", description = "No credentials, or a key or token not accepted")})
    Mono<SessionView> session(ServerWebExchange exchange) {
        // AccessRules let only authenticated callers reach this (401 otherwise), so a caller is always recorded.
        return Mono.justOrEmpty(Callers.of(exchange)).map(SessionView::of);
    }

    @GetMapping("/api/v1/session/config")
    @Operation(operationId = "signInOptions", summary = "How the web pages may sign in",
            description = "Public. An API key always; OIDC (Authorization Code with PKCE) when configured.")
    SignInOptions config() {
        return options;
    }
}
