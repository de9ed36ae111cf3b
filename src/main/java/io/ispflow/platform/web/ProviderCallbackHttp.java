package io.ispflow.platform.web;

import java.util.concurrent.ThreadPoolExecutor;

import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Threads of their own for the HTTP routes that payment providers call (Camel {@code platform-http}).
 * Left alone, Camel takes the first {@code ThreadPoolTaskExecutor} in the context, which here is
 * Camunda's job executor pool: callbacks then wait behind jobs and are rejected when its queue is full.
 * A full intake pool makes the calling web thread do the work (back-pressure, not refusal).
 */
@Configuration(proxyBeanMethods = false)
class ProviderCallbackHttp implements DisposableBean {

    private final ThreadPoolTaskExecutor intake = new ThreadPoolTaskExecutor();

    ProviderCallbackHttp(@Value("${isp.platform.provider-callbacks.threads:8}") int threads) {
        intake.setThreadNamePrefix("provider-callback-");
        intake.setCorePoolSize(threads);
        intake.setMaxPoolSize(threads);
        intake.setQueueCapacity(1_000);
        intake.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        intake.initialize();
    }

    @Bean(name = "platform-http-engine")
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port) {
        return new SpringBootPlatformHttpEngine(port, intake);
    }

    @Override
    public void destroy() {
        intake.shutdown();
    }
}
