package io.ispflow.platform.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Auditing of staff changes on {@code /api}: the request body is kept as it is read (up to a bound)
 * so that {@link StaffActionRecorder} can record what was changed once the change has succeeded.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

    /** More than any staff request's body; what is longer is recorded only up to here (then unreadable). */
    private static final int KEPT_BODY_BYTES = 64 * 1024;

    private final AuditTrail trail;

    AuditConfiguration(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StaffActionRecorder(trail)).addPathPatterns("/api/**");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> auditedRequestBodies() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                chain.doFilter(new ContentCachingRequestWrapper(request, KEPT_BODY_BYTES), response);
            }
        });
        registration.setName("audited-request-bodies");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
