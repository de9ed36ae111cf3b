package io.ispflow.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication filter for {@code /engine-rest}, given our {@link EngineRestAuthenticationProvider}
 * as an object (Camunda would instantiate a provider by class name, out of reach of Spring's beans).
 * Camunda answers a refusal with an empty 401; for a Basic login refused for want of a second factor,
 * this filter adds the problem that says what to do instead.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final ProblemResponses problems;

    EngineRestAuthenticationFilter(EngineRestAuthenticationProvider provider, ProblemResponses problems) {
        this.authenticationProvider = provider;
        this.problems = problems;
    }

    @Override
    public void init(FilterConfig config) {
        // the provider is set already; only the optional path prefix comes from the configuration
        servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        super.doFilter(request, response, chain);
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && EngineRestAuthenticationProvider.refusedForSecondFactor(http) && !answer.isCommitted()) {
            problems.secondFactorRequired(http, answer);
        }
    }
}
