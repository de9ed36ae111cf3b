package io.ispflow.platform.camunda;

import java.sql.SQLException;
import java.time.DateTimeException;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessException;

/**
 * How process code refuses what a caller gave it (a start form, a completed task's variables): the
 * caller's mistake, not a failure of the process. The engine REST API wraps most exceptions into a 500
 * whose body no longer says what was thrown, so the refusal is also noted for the request, where
 * {@link EngineRestErrorStatus} finds it and answers 400 instead.
 */
public final class ProcessInputRefusals {

    private static final int MESSAGE_LENGTH = 200;

    private ProcessInputRefusals() {
    }

    /** The exception to throw; noted for the engine REST request in progress on this thread, if any. */
    public static BadUserRequestException refuse(String message) {
        EngineRestErrorStatus.noteRefusedInput();
        return new BadUserRequestException(message);
    }

    /**
     * What a delegate's failure means while it serves an engine REST request, whose caller chose the
     * variables: a value of the wrong type or format, or one the database cannot store, is a refusal of
     * his input. Engine exceptions (a BPMN error among them), failures of jobs and all else stay as they are.
     */
    static RuntimeException fromDelegateFailure(RuntimeException failure) {
        if (failure instanceof ProcessEngineException || !EngineRestErrorStatus.servingRequest()) {
            return failure;
        }
        if (failure instanceof ClassCastException || failure instanceof IllegalArgumentException
                || failure instanceof DateTimeException) {
            String message = String.valueOf(failure.getMessage());
            return refuse("A value given to the process has the wrong type or format: "
                    + (message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) + "…" : message));
        }
        if (failure instanceof DataAccessException && isDataError(failure)) {
            // the database's own message names tables and statements: not for the caller
            return refuse("A value given to the process cannot be stored: too long, out of range or with "
                    + "characters that are not allowed.");
        }
        return failure;
    }

    /** SQLState class 22 (data exception) or a violated check constraint. */
    private static boolean isDataError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().equals("23514");
            }
        }
        return false;
    }
}
