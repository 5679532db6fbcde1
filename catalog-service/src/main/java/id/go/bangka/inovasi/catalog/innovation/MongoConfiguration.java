package id.go.bangka.inovasi.catalog.innovation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Dates are stored with the driver's own codecs (LocalDate as UTC midnight), independent of the server's zone. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }
}
