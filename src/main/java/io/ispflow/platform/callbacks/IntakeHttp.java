package io.ispflow.platform.callbacks;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link IntakeBodyFilter} in front of the paths providers call, ahead of everything else. */
@Configuration(proxyBeanMethods = false)
class IntakeHttp {

    @Bean
    FilterRegistrationBean<IntakeBodyFilter> intakeBodyFilter(IntakeRefusals refusals, List<ProviderChannel> channels) {
        var registration = new FilterRegistrationBean<>(new IntakeBodyFilter(refusals, channels));
        registration.setName("provider-intake-body");
        registration.addUrlPatterns(channels.stream().flatMap(channel -> channel.paths().stream())
                .map(path -> path + "*").toArray(String[]::new));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
