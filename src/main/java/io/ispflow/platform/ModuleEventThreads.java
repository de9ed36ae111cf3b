package io.ispflow.platform;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Threads of their own for the modules' event listeners ({@code @ApplicationModuleListener} runs
 * asynchronously after commit). Left alone, asynchronous work lands on the only task executor in the
 * context, Camunda's job executor pool: listeners then wait behind jobs, and a full job queue refuses
 * them (the event stays unfinished until a restart resubmits it). A full queue here makes the
 * committing thread run the listener itself (back-pressure, not refusal); the events are in
 * {@code event_publication} either way.
 */
@Configuration(proxyBeanMethods = false)
class ModuleEventThreads implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor listeners = new ThreadPoolTaskExecutor();

    ModuleEventThreads(@Value("${isp.platform.event-listener-threads:4}") int threads) {
        listeners.setThreadNamePrefix("module-events-");
        listeners.setCorePoolSize(threads);
        listeners.setMaxPoolSize(threads);
        listeners.setQueueCapacity(10_000);
        listeners.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        listeners.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return listeners;
    }

    @Override
    public void destroy() {
        listeners.shutdown();
    }
}
