package id.go.bangka.inovasi.gateway.docs;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The event contract from the {@code events} jar, public beside the OpenAPI documents: the AsyncAPI document at
 * {@value #ASYNCAPI} and the JSON Schemas of the payloads at {@value #SCHEMAS} (their {@code $id}s), so the document's
 * relative {@code $ref}s resolve here as they do in the jar.
 */
@Configuration(proxyBeanMethods = false)
public class EventDocumentsConfiguration implements WebFluxConfigurer {

    /** Where the AsyncAPI document is served. */
    public static final String ASYNCAPI = "/asyncapi/inovasi.asyncapi.yaml";
    /** Where the payload schemas are served. */
    public static final String SCHEMAS = "/schemas/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/asyncapi/**").addResourceLocations("classpath:/asyncapi/");
        registry.addResourceHandler(SCHEMAS + "**").addResourceLocations("classpath:" + SCHEMAS);
    }
}
