package io.ispflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import io.ispflow.platform.KnownCompanies;
import io.ispflow.platform.TenantContextFilter;

/**
 * Two doors. {@code /api/**}: HTTP Basic against the Camunda identity, stateless, role checks on the
 * endpoints. Everything else (the Camunda webapps under {@code /camunda}, the engine REST API, health):
 * left to Camunda's own session login, CSRF protection and authorization checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, StaffAuthenticationProvider staffLogin,
            ProblemResponses problems, KnownCompanies companies, ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(staffLogin))
                .authorizeHttpRequests(requests -> requests
                        // payment providers authenticate by an unguessable per-company path (and signatures)
                        .requestMatchers(HttpMethod.POST, "/api/payments/mpesa/callback/*", "/api/payments/paybill/*/*",
                                "/api/payments/bank/*").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new TenantContextFilter(companies, json), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappsAndOperations(HttpSecurity http) throws Exception {
        // no login mechanism of Spring's here: the webapps and the engine REST API authenticate
        // themselves, and only health and info of the actuator are exposed
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                // the Camunda webapps bring their own CSRF protection; Spring's would reject their requests
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /** The Camunda REST API requires HTTP Basic against the same identity, and applies its authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", CachingHttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider staffLogin) {
        return new ProviderManager(staffLogin);
    }
}
