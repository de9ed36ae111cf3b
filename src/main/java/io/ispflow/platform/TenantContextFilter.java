package io.ispflow.platform;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's company into the {@link TenantContext} for the rest of the request. Staff act for
 * their own company only; a super administrator names the company in the {@value CompanyHeader#NAME}
 * header.
 */
public class TenantContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        TenantContext.Scope scope = null;
        if (authentication != null && authentication.getPrincipal() instanceof StaffMember staff) {
            scope = scopeOf(staff, request.getHeader(CompanyHeader.NAME));
        }
        TenantContext.set(scope);
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.set(null);
        }
    }

    private static TenantContext.Scope scopeOf(StaffMember staff, String requestedCompany) {
        if (!staff.isSuperAdmin()) {
            return TenantContext.Scope.company(staff.companyId());
        }
        if (requestedCompany == null || requestedCompany.isBlank()) {
            return null;
        }
        try {
            return TenantContext.Scope.company(UUID.fromString(requestedCompany.trim()));
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
