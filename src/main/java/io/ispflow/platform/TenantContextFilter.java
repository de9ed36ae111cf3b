package io.ispflow.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ispflow.platform.web.Problems;

/**
 * Puts the caller's company into the {@link TenantContext} for the rest of the request. Staff act for
 * their own company only; a super administrator names the company in the {@value CompanyHeader#NAME}
 * header, which must be the id of a company that exists: anything else is refused here, before it
 * can reach a query (an unknown company would otherwise see an empty company, or fail on insert).
 */
public class TenantContextFilter extends OncePerRequestFilter {

    private final KnownCompanies companies;
    private final ObjectMapper json;

    public TenantContextFilter(KnownCompanies companies, ObjectMapper json) {
        this.companies = companies;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        TenantContext.Scope scope = null;
        if (authentication != null && authentication.getPrincipal() instanceof StaffMember staff) {
            if (!staff.isSuperAdmin()) {
                scope = TenantContext.Scope.staff(staff.companyId(), staff.profileId());
            } else {
                String named = request.getHeader(CompanyHeader.NAME);
                if (named != null && !named.isBlank()) {
                    ProblemDetail refusal = checkNamed(named.trim());
                    if (refusal != null) {
                        Problems.send(request, response, refusal, json);
                        return;
                    }
                    scope = TenantContext.Scope.staff(UUID.fromString(named.trim()), staff.profileId());
                }
            }
        }
        TenantContext.set(scope);
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.set(null);
        }
    }

    /** Why the named company cannot be acted for, or null when it can. */
    private ProblemDetail checkNamed(String named) {
        UUID companyId;
        try {
            companyId = UUID.fromString(named);
        } catch (IllegalArgumentException notAUuid) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "The request has an invalid header.");
            problem.setProperty("errors", List.of(Map.of("field", CompanyHeader.NAME, "message", "must be a company id")));
            return problem;
        }
        if (!companies.exists(companyId)) {
            return Problems.of(HttpStatus.NOT_FOUND, "company-not-found", "Company not found",
                    "No ISP company has the id named in the " + CompanyHeader.NAME + " header.");
        }
        return null;
    }
}
