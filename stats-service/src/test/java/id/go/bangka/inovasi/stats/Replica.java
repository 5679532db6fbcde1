package id.go.bangka.inovasi.stats;

import id.go.bangka.inovasi.testsupport.ApiClient;
import id.go.bangka.inovasi.testsupport.Infrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another stats-service replica in this JVM on a random port, as a late-starting replica would run. */
public final class Replica implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    public Replica(String bootstrapServers) {
        context = new SpringApplicationBuilder(StatsServiceApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--inovasi.identity.secret=" + Infrastructure.IDENTITY_SECRET, "--spring.jmx.enabled=false");
        api = new ApiClient("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"),
                "stats-service");
    }

    public ApiClient api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
