package io.ispflow.platform.web;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What PostgreSQL's refusal of a statement means for the caller, read from its SQLState: a data
 * exception (class 22: too long, out of range, bad characters, unreadable text) or a violated check
 * is the request's fault; a unique or foreign key violation is a conflict with stored records.
 * Anything else is ours. The database's own message names tables and statements: it goes to the log,
 * never into the answer.
 */
final class DatabaseRefusals {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRefusals.class);

    private DatabaseRefusals() {
    }

    static ProblemDetail problemFor(DataAccessException e) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("22") || state.equals("23502") || state.equals("23514"))) {
            log.info("Refused a value the database cannot store (SQLState {}): {}", state, e.getMostSpecificCause().getMessage());
            return ApiProblemAdvice.invalid("The request has a value that cannot be stored (too long, out of range "
                    + "or with characters that are not allowed).", List.of());
        }
        if ("23505".equals(state) || "23503".equals(state)) {
            log.info("Refused a change that conflicts with stored records (SQLState {}): {}", state,
                    e.getMostSpecificCause().getMessage());
            return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflicts with stored records",
                    "23505".equals(state) ? "A record with the same identifying values exists already."
                            : "The change refers to a record that does not exist, or removes one that others refer to.");
        }
        log.error("Database failure (SQLState {})", state, e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed. The failure has been logged.");
    }

    /** The SQLState of the first SQL exception among the causes, if any. */
    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
