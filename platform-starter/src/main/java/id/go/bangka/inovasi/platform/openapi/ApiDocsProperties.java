package id.go.bangka.inovasi.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service's OpenAPI document says about where and how to call it.
 *
 * @param serverUrl the gateway's public URL, the only server of every document ({@code INOVASI_API_DOCS_SERVER_URL});
 *                  the services' own ports are not public
 */
@ConfigurationProperties("inovasi.api-docs")
public record ApiDocsProperties(@DefaultValue("http://localhost:8080") String serverUrl) {
}
