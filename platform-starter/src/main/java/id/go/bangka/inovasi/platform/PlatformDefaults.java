package id.go.bangka.inovasi.platform;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;

/**
 * Adds {@code inovasi-defaults.yml} as the lowest-precedence configuration of every service: the settings that are the
 * same everywhere (Kafka producer safety, actuator exposure, health groups, problem details). A service's own
 * {@code application.yml} and the environment override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "inovasi-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE,
                    new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }
}
