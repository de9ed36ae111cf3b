package io.ispflow.platform.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second factor at the Camunda webapps' login page, which has only a user name and a password
 * field: staff of a second-factor role type the password immediately followed by the 6-digit code of
 * their authenticator app. Behind {@link WebappLoginThrottleFilter}, this filter checks the password
 * first and then the code (so a wrong password never uses up a code), and hands Camunda the form with
 * the password alone; Camunda checks it once more and opens its session. Every refusal is a 401, as for
 * a wrong password, so the throttle in front counts it. Staff of other roles pass untouched; one of a
 * second-factor role without a second factor is refused, with a message to enrol through the API first.
 */
class WebappSecondFactorFilter extends OncePerRequestFilter {

    private static final Pattern PASSWORD_AND_CODE = Pattern.compile("(?s)(.+)(\\d{6})");

    private final StaffIdentities identities;
    private final SecondFactorCheck secondFactor;
    private final ProblemResponses problems;

    WebappSecondFactorFilter(StaffIdentities identities, SecondFactorCheck secondFactor, ProblemResponses problems) {
        this.identities = identities;
        this.secondFactor = secondFactor;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LoginForm.isLogin(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginForm form = LoginForm.read(request);
        if (form == null) {
            // the throttle in front refuses such forms already; this is only a second line
            problems.unreadableLogin(request, response);
            return;
        }
        String user = form.single("username");
        String typed = form.single("password");
        if (user == null || typed == null || !secondFactor.requiredWithPassword(identities.rolesOf(user))) {
            chain.doFilter(form.asBodyOf(request), response);
            return;
        }
        if (!secondFactor.isEnrolled(user)) {
            if (passwordIs(user, typed)) {
                problems.enrolFirst(request, response);
            } else {
                problems.wrongWebappLogin(request, response);
            }
            return;
        }
        Matcher split = PASSWORD_AND_CODE.matcher(typed);
        if (!split.matches() || !passwordIs(user, split.group(1)) || !secondFactor.verify(user, split.group(2))) {
            problems.wrongWebappLogin(request, response);
            return;
        }
        chain.doFilter(form.withPassword(split.group(1)).asBodyOf(request), response);
    }

    private boolean passwordIs(String user, String password) {
        try {
            identities.verify(user, password);
            return true;
        } catch (AuthenticationException wrong) {
            return false;
        }
    }
}
