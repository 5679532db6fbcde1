package id.go.bangka.inovasi.catalog.export;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Exports are written on threads of their own ({@code export-N}, as many as exports may run at once), not on the
 * container's request threads: a slow reader holds an export thread until the export's deadline, never a request
 * thread. The asynchronous request outlives the deadline by a minute, so the deadline, not the container, ends a slow
 * export.
 */
@Configuration(proxyBeanMethods = false)
class ExportExecutorConfiguration implements WebMvcConfigurer, DisposableBean {

    private final ExportProperties properties;
    private final ThreadPoolTaskExecutor executor;

    ExportExecutorConfiguration(ExportProperties properties) {
        this.properties = properties;
        this.executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("export-");
        executor.setCorePoolSize(properties.maxConcurrent());
        executor.setMaxPoolSize(properties.maxConcurrent());
        executor.setQueueCapacity(properties.maxConcurrent());
        executor.setDaemon(true);
        executor.initialize();
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setTaskExecutor(executor);
        configurer.setDefaultTimeout(properties.deadline().plusMinutes(1).toMillis());
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
