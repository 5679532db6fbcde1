package id.go.bangka.inovasi.gateway.cors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for {@code /api/**}, applied once by the security chain (preflights are answered before authentication). The
 * routes' {@code DedupeResponseHeader} filter keeps the gateway's CORS headers when a service sends its own.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardCorsConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOriginPatterns(properties.allowedOrigins());
            cors.setAllowedMethods(properties.allowedMethods());
            cors.setAllowedHeaders(properties.allowedHeaders());
            cors.setExposedHeaders(properties.exposedHeaders());
            cors.setMaxAge(properties.maxAge());
            cors.setAllowCredentials(false);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
