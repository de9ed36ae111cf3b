package io.ispflow.platform.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.security.ApiLogin;
import io.ispflow.platform.security.IssuedToken;

/**
 * Token logins for the API: {@code POST /api/auth/login} answers {@code {token, expiresAt, scope}} for
 * a user name, password and (for a role with a second factor) code; {@code POST /api/auth/logout} ends
 * the caller's token at once. Refusals are the security filters' problems (401, 429).
 */
@RestController
@RequestMapping("/api/auth")
class LoginController {

    private final ApiLogin login;

    LoginController(ApiLogin login) {
        this.login = login;
    }

    /** A login; {@code code} is a current TOTP code or an unused recovery code. */
    record LoginRequest(@NotBlank String username, @NotNull String password, String code) {

        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    @PostMapping("/login")
    IssuedToken logIn(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        // the peer's address as Tomcat saw it: X-Forwarded-For counts only from trusted proxies
        return login.logIn(body.username(), body.password(), body.code(), request.getRemoteAddr());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logOut(HttpServletRequest request) {
        login.logOut(request);
        return ResponseEntity.noContent().build();
    }
}
