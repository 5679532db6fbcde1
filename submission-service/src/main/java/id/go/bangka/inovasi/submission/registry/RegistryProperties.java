package id.go.bangka.inovasi.submission.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the OPD registry comes from.
 *
 * @param location a Spring resource location of the registry JSON (default {@code classpath:opd-registry.json})
 */
@ConfigurationProperties("inovasi.registry")
public record RegistryProperties(@DefaultValue("classpath:opd-registry.json") String location) {
}
