package id.go.bangka.inovasi.platform;

import id.go.bangka.inovasi.platform.health.MongoPingHealthIndicator;
import id.go.bangka.inovasi.platform.http.BodySizeLimitFilter;
import id.go.bangka.inovasi.platform.http.ConstructorBinding;
import id.go.bangka.inovasi.platform.http.HttpProperties;
import id.go.bangka.inovasi.platform.http.PublicReadCacheFilter;
import id.go.bangka.inovasi.platform.http.QueryControlCharacterFilter;
import id.go.bangka.inovasi.platform.http.Utf8BodyFilter;
import id.go.bangka.inovasi.platform.identity.CallerIdentityArgumentResolver;
import id.go.bangka.inovasi.platform.identity.IdentityProperties;
import id.go.bangka.inovasi.platform.identity.IdentitySigner;
import id.go.bangka.inovasi.platform.identity.VerifiedIdentityFilter;
import id.go.bangka.inovasi.platform.json.AllErrorsModule;
import id.go.bangka.inovasi.platform.json.StrictScalarCoercion;
import id.go.bangka.inovasi.platform.kafka.KafkaClientSettings;
import id.go.bangka.inovasi.platform.problem.ProblemWriter;
import id.go.bangka.inovasi.platform.web.ProblemResponses;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** What every Inovasi Bangka service gets: identity signing and verification, problem responses, a portable health. */
@AutoConfiguration(afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties({IdentityProperties.class, HttpProperties.class})
public class PlatformAutoConfiguration {

    /** The clock of rules that depend on today, such as the last reporting year. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Signs and verifies identities as this application, named by {@code spring.application.name}. */
    @Bean
    @ConditionalOnMissingBean
    IdentitySigner identitySigner(IdentityProperties properties, Environment environment) {
        return new IdentitySigner(environment.getRequiredProperty("spring.application.name"), properties,
                Clock.systemUTC());
    }

    /** Servlet services verify the gateway's signature on every API request. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletServices implements WebMvcConfigurer {

        @Bean
        ProblemWriter problemWriter(JsonMapper json) {
            return new ProblemWriter(json);
        }

        @Bean
        ProblemResponses problemResponses() {
            return new ProblemResponses();
        }

        @Bean
        StrictScalarCoercion strictScalarCoercion() {
            return new StrictScalarCoercion();
        }

        /** Request records marked {@code @AllErrorsAtOnce} report every unreadable value with every other error. */
        @Bean
        @ConditionalOnClass(name = "jakarta.validation.Validator")
        AllErrorsModule allErrorsModule(ObjectProvider<Validator> validator) {
            return new AllErrorsModule(validator::getObject);
        }

        @Bean
        ConstructorBinding constructorBinding() {
            return new ConstructorBinding();
        }

        @Bean
        FilterRegistrationBean<VerifiedIdentityFilter> verifiedIdentityFilter(IdentitySigner signer,
                ProblemWriter problems) {
            FilterRegistrationBean<VerifiedIdentityFilter> registration =
                    new FilterRegistrationBean<>(new VerifiedIdentityFilter(signer, problems));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpProperties properties,
                ProblemWriter problems) {
            FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                    new BodySizeLimitFilter(properties.maxBodySize().toBytes(), properties.maxUploadSize().toBytes(),
                            problems));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }

        @Bean
        FilterRegistrationBean<QueryControlCharacterFilter> queryControlCharacterFilter(ProblemWriter problems) {
            FilterRegistrationBean<QueryControlCharacterFilter> registration =
                    new FilterRegistrationBean<>(new QueryControlCharacterFilter(problems));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
            return registration;
        }

        @Bean
        FilterRegistrationBean<Utf8BodyFilter> utf8BodyFilter() {
            FilterRegistrationBean<Utf8BodyFilter> registration = new FilterRegistrationBean<>(new Utf8BodyFilter());
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
            return registration;
        }

        /** After the identity filter, which tells an anonymous caller; inactive without configured paths. */
        @Bean
        FilterRegistrationBean<PublicReadCacheFilter> publicReadCacheFilter(HttpProperties properties) {
            FilterRegistrationBean<PublicReadCacheFilter> registration =
                    new FilterRegistrationBean<>(new PublicReadCacheFilter(properties.publicCache()));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
            registration.setEnabled(!properties.publicCache().paths().isEmpty());
            return registration;
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerIdentityArgumentResolver());
        }
    }

    /** The settings of the Kafka clients services build themselves, from Boot's {@code spring.kafka.*}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaProperties.class)
    @ConditionalOnBean(KafkaProperties.class)
    static class KafkaClients {

        @Bean
        @ConditionalOnMissingBean
        KafkaClientSettings kafkaClientSettings(KafkaProperties kafka) {
            return new KafkaClientSettings(kafka);
        }
    }

    /** A health check both real MongoDB and the stand-in answer; replaces Boot's {@code hello}-based one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    @ConditionalOnBean(MongoTemplate.class)
    static class MongoHealth {

        @Bean
        MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }
}
