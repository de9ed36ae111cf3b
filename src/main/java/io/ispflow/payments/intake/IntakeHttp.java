package io.ispflow.payments.intake;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link IntakeBodyFilter} in front of the paths payment providers call, ahead of everything else. */
@Configuration(proxyBeanMethods = false)
class IntakeHttp {

    @Bean
    FilterRegistrationBean<IntakeBodyFilter> intakeBodyFilter(IntakeRefusals refusals) {
        var registration = new FilterRegistrationBean<>(new IntakeBodyFilter(refusals));
        registration.setName("provider-intake-body");
        registration.addUrlPatterns("/api/payments/mpesa/callback/*", "/api/payments/paybill/*",
                "/api/payments/bank/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
