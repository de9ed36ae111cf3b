package io.ispflow.platform.camunda;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Filters around the engine REST API: the public one and the one the webapps call with their session. */
@Configuration(proxyBeanMethods = false)
class EngineRestFilters {

    @Bean
    FilterRegistrationBean<EngineRestErrorStatus> engineRestErrorStatus(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineRestErrorStatus(json));
        registration.setName("engine-rest-error-status");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<TaskSearchByClient> taskSearchByClient(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new TaskSearchByClient(json));
        registration.setName("task-search-by-client");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
