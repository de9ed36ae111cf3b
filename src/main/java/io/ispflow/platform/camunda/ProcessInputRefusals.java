package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * How process code refuses what a caller gave it (a start form, a completed task's variables): the
 * caller's mistake, not a failure of the process. The engine REST API wraps most exceptions into a 500
 * whose body no longer says what was thrown, so the refusal is also noted for the request, where
 * {@link EngineRestErrorStatus} finds it and answers 400 instead.
 */
public final class ProcessInputRefusals {

    private ProcessInputRefusals() {
    }

    /** The exception to throw; noted for the engine REST request in progress on this thread, if any. */
    public static BadUserRequestException refuse(String message) {
        EngineRestErrorStatus.noteRefusedInput();
        return new BadUserRequestException(message);
    }
}
