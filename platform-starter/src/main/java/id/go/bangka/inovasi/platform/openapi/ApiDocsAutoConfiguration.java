package id.go.bangka.inovasi.platform.openapi;

import id.go.bangka.inovasi.platform.identity.CallerIdentity;
import java.time.Clock;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The part of the OpenAPI document every servlet service shares, where the service has springdoc: the gateway as the
 * server, the API key and bearer token schemes, and the RFC 9457 problem on every error response. The verified caller
 * is not a parameter: the gateway sets it. Springdoc and these defaults ({@code inovasi-defaults.yml}) make each
 * service's document OpenAPI 3.1.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerIdentity.class)
                // A stream's operation declares its events' type; the emitter itself is no schema.
                .addResponseTypeToIgnore(SseEmitter.class);
    }

    @Bean
    SharedApiDocs sharedApiDocs(ApiDocsProperties properties) {
        return new SharedApiDocs(properties.serverUrl());
    }

    @Bean
    SharedRuleDocs sharedRuleDocs(Clock clock) {
        return new SharedRuleDocs(clock);
    }
}
