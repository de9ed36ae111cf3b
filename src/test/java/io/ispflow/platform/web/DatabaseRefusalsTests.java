package io.ispflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.http.ProblemDetail;

/** PostgreSQL's refusals become problems by their SQLState, and the database's words stay out of them. */
class DatabaseRefusalsTests {

    static final String SQL_TEXT = "ERROR: value too long for type character varying(200) in insert into clients (name)";

    @Test
    void dataExceptionsAreTheCallersMistake() {
        for (String state : new String[] {"22001", "22003", "22021", "22P05", "22P02", "23514"}) {
            ProblemDetail problem = problemFor(state);
            assertThat(problem.getStatus()).as(state).isEqualTo(400);
            assertThat(problem.getType().toString()).isEqualTo("https://ispflow.io/problems/validation");
            assertThat(String.valueOf(problem.getDetail()) + problem.getProperties()).doesNotContain("insert", "clients");
        }
    }

    @Test
    void uniqueAndForeignKeyViolationsAreConflicts() {
        assertThat(problemFor("23505").getStatus()).isEqualTo(409);
        assertThat(problemFor("23503").getStatus()).isEqualTo(409);
        assertThat(problemFor("23505").getDetail()).doesNotContain("insert");
    }

    @Test
    void otherFailuresAreOursAndSayNothingAboutTheStatement() {
        ProblemDetail problem = problemFor("53300");
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("insert");
        assertThat(DatabaseRefusals.problemFor(new DataRetrievalFailureException("no SQL at all")).getStatus())
                .isEqualTo(500);
    }

    private static ProblemDetail problemFor(String sqlState) {
        var wrapped = new DataIntegrityViolationException("could not execute statement [" + SQL_TEXT + "]",
                new RuntimeException("Hibernate's wrapper", new SQLException(SQL_TEXT, sqlState)));
        return DatabaseRefusals.problemFor(wrapped);
    }
}
