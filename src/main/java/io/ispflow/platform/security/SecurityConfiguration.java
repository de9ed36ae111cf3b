package io.ispflow.platform.security;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import io.ispflow.platform.KnownCompanies;
import io.ispflow.platform.callbacks.ProviderChannel;
import io.ispflow.platform.TenantContextFilter;

/**
 * Two doors. {@code /api/**}: a bearer token from {@code /api/auth/login}, or HTTP Basic for roles that
 * may log in with a password alone, against the Camunda identity, stateless, role checks on the
 * endpoints. Everything else (the Camunda webapps under {@code /camunda}, the engine REST API, health):
 * left to Camunda's own session login, CSRF protection and authorization checks, with our
 * authentication provider for the engine REST API and the second factor in front of the webapps'
 * login. All logins (API, login endpoint, engine REST API, webapps) share one {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Early, before anything of Camunda's runs, and after the request's character encoding is set. */
    private static final int THROTTLE_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager logins, ProblemResponses problems,
            KnownCompanies companies, ObjectMapper json, List<ProviderChannel> channels) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(logins)
                .authorizeHttpRequests(requests -> requests
                        // providers authenticate by an unguessable per-company path (and signatures)
                        .requestMatchers(HttpMethod.POST, channels.stream().flatMap(channel -> channel.paths().stream())
                                .map(path -> path + "**").toArray(String[]::new)).permitAll()
                        // an invitee has no password yet: the one-time token in the path is his credential
                        .requestMatchers(HttpMethod.POST, "/api/staff/invitations/*").permitAll()
                        // the login checks password, code and back-off itself
                        .requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
                        // all that an enrolment-only token may do
                        .requestMatchers(HttpMethod.POST, "/api/auth/second-factor",
                                "/api/auth/second-factor/confirm", "/api/auth/logout").authenticated()
                        .anyRequest().access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(ApiScope.ENROL_ONLY)))))
                .addFilterBefore(bearerTokens(logins, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new TenantContextFilter(companies, json), AuthorizationFilter.class)
                .build();
    }

    /** {@code Authorization: Bearer <token>}; a request without one is left to HTTP Basic. */
    private static AuthenticationFilter bearerTokens(AuthenticationManager logins, ProblemResponses problems) {
        var filter = new AuthenticationFilter(logins, BearerToken::of);
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        // a verified token lets the request go on to the endpoint, unlike a form login's redirect
        filter.setSuccessHandler((request, response, authentication) -> { });
        return filter;
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

    /** The Camunda REST API requires a bearer token or HTTP Basic, and applies its authorizations. */
    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(
            ApiTokenAuthenticationProvider tokens, SecondFactorCheck secondFactor, ProblemResponses problems) {
        var provider = new EngineRestAuthenticationProvider(tokens, secondFactor);
        var registration = new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(provider, problems));
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        // after the login throttle, which must see every attempt first
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** The login back-off in front of the engine REST API's authentication. */
    @Bean
    FilterRegistrationBean<EngineRestLoginThrottleFilter> engineRestLoginThrottle(LoginThrottle throttle,
            ProblemResponses problems) {
        var gate = new LoginGate(throttle, problems);
        var registration = new FilterRegistrationBean<>(new EngineRestLoginThrottleFilter(gate));
        registration.setName("engine-rest-login-throttle");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(THROTTLE_ORDER);
        return registration;
    }

    /** The login back-off in front of the Camunda webapps' login. */
    @Bean
    FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle,
            ProblemResponses problems, CamundaBpmProperties camunda) {
        var gate = new LoginGate(throttle, problems);
        var registration = new FilterRegistrationBean<>(new WebappLoginThrottleFilter(gate));
        registration.setName("webapp-login-throttle");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
        registration.setOrder(THROTTLE_ORDER);
        return registration;
    }

    /**
     * The second factor of the webapps' login, right behind its back-off: the throttle must count what
     * this filter refuses.
     */
    @Bean
    FilterRegistrationBean<WebappSecondFactorFilter> webappSecondFactor(StaffIdentities identities,
            SecondFactorCheck secondFactor, ProblemResponses problems, CamundaBpmProperties camunda) {
        var filter = new WebappSecondFactorFilter(identities, secondFactor, problems);
        var registration = new FilterRegistrationBean<>(filter);
        registration.setName("webapp-second-factor");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
        registration.setOrder(THROTTLE_ORDER + 1);
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(StaffAuthenticationProvider staffLogin,
            ApiTokenAuthenticationProvider tokenLogin) {
        return new ProviderManager(staffLogin, tokenLogin);
    }
}
