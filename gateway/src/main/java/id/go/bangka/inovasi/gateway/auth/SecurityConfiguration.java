package id.go.bangka.inovasi.gateway.auth;

import id.go.bangka.inovasi.gateway.caller.CallerRecordingFilter;
import id.go.bangka.inovasi.gateway.oidc.JwtCallerConverter;
import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * The gateway's security chain: stateless (no sessions, no CSRF, no login pages), API keys always, OIDC bearer
 * tokens when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set, CORS for the configured
 * dashboards, {@link AccessRules} per route, and problem responses for 401, 403 and an unreachable identity provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /**
     * No observation (a span and timers) for each phase of the security chain and each authorization decision: the
     * request's own span and the call to the service cover them, and they were a tenth of the gateway's CPU per
     * request (docs/benchmarks.md, section 9).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ApiKeyAuthenticationManager apiKeys,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder, JwtCallerConverter jwtCallers, ProblemResponder problems,
            CorsConfigurationSource cors) {
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        boolean oidc = decoder != null;
        var entryPoint = new ProblemAuthenticationEntryPoint(problems, oidc);
        var failures = new ProblemAuthenticationFailureHandler(entryPoint, problems);
        var denied = new ProblemAccessDeniedHandler(problems);

        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(apiKeys);
        apiKeyFilter.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter(oidc));
        apiKeyFilter.setAuthenticationFailureHandler(failures);

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(spec -> spec.configurationSource(cors))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new CallerRecordingFilter(), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(spec -> spec.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .authorizeExchange(AccessRules::apply);
        if (oidc) {
            http.oauth2ResourceServer(spec -> spec.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied)
                    .authenticationFailureHandler(failures)
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(jwtCallers)));
        }
        return http.build();
    }
}
