package io.ispflow.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries "forget this user's logins" to every node of a cluster through the database
 * ({@code login_revocations}): written in the transaction that changes the password or membership, read
 * by each node every second ({@link LoginSessions}). Rows are read by their time rather than their id,
 * because ids are handed out before commit and may become visible out of order; a two-minute window
 * outlasts any such change.
 */
@Component
class LoginRevocations {

    private final JdbcTemplate jdbc;
    /** The rows of the current window this node has applied. */
    private Set<Long> applied = new HashSet<>();

    LoginRevocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the revocation; it reaches the other nodes once the current transaction commits. */
    void record(String userId) {
        jdbc.update("insert into login_revocations (user_id) values (?)", userId);
    }

    /** The users revoked, on any node, since this node last asked; drops rows nobody needs any more. */
    synchronized List<String> sinceLastAsked() {
        Set<Long> window = new HashSet<>();
        List<String> users = new ArrayList<>();
        jdbc.query("select id, user_id from login_revocations where revoked_at > now() - interval '2 minutes'",
                row -> {
                    long id = row.getLong(1);
                    window.add(id);
                    if (!applied.contains(id)) {
                        users.add(row.getString(2));
                    }
                });
        applied = window;
        jdbc.update("delete from login_revocations where revoked_at < now() - interval '10 minutes'");
        return users;
    }
}
