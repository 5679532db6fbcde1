package id.go.bangka.inovasi.platform.opd;

import id.go.bangka.inovasi.platform.PlatformAutoConfiguration;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** The OPD registry client, for services that set {@code inovasi.opd-registry.uri}. */
@AutoConfiguration(after = PlatformAutoConfiguration.class,
        afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty("inovasi.opd-registry.uri")
@EnableConfigurationProperties(OpdRegistryProperties.class)
public class OpdRegistryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpdRegistryClient opdRegistryClient(ObjectProvider<RestClient.Builder> builder, OpdRegistryProperties properties,
            IdentitySigner signer, Clock clock) {
        return new OpdRegistryClient(builder.getIfAvailable(RestClient::builder), properties, signer, clock);
    }
}
