package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Camunda's server errors that are the caller's doing, told apart from ours by their error bodies. */
class CallerMistakesTests {

    @Test
    void anotherCompanysTaskIsForbidden() {
        assertThat(CallerMistakes.statusOf("RestException", "Cannot complete task 1: ENGINE-13034 Cannot work on task "
                + "'1' because it belongs to no authenticated tenant.", 0, false)).isEqualTo(403);
    }

    @Test
    void idsThatNameNothingAreNotFound() {
        assertThat(CallerMistakes.statusOf("NullValueException", "Cannot find task with id x: task is null", 0, false))
                .isEqualTo(404);
        assertThat(CallerMistakes.statusOf("RestException", "Cannot instantiate process definition x: no deployed "
                + "process definition found with id 'x': processDefinition is null", 0, false)).isEqualTo(404);
    }

    @Test
    void malformedInputIsABadRequest() {
        assertThat(CallerMistakes.statusOf("NullValueException", "name is null", 0, false)).isEqualTo(400);
        assertThat(CallerMistakes.statusOf("StreamConstraintsException", "Document nesting depth (1001)", 0, false))
                .isEqualTo(400);
        assertThat(CallerMistakes.statusOf("NullPointerException", "Cannot invoke \"org.camunda.bpm.engine.rest.dto."
                + "task.TaskQueryDto.setObjectMapper(x)\" because \"queryDto\" is null", 0, false)).isEqualTo(400);
        assertThat(CallerMistakes.statusOf("RestException", "Cannot instantiate: An exception occurred in the "
                + "persistence layer.", CallerMistakes.COLUMN_SIZE_TOO_SMALL, false)).isEqualTo(400);
        assertThat(CallerMistakes.statusOf("ProcessEnginePersistenceException", "An exception occurred in the "
                + "persistence layer.", 0, true)).isEqualTo(400);
        assertThat(CallerMistakes.statusOf("IllegalArgumentException", "UTILS-02001 Parameter 'format' is null", 0,
                false)).isEqualTo(400);
        assertThat(CallerMistakes.statusOf("SpinJsonDataFormatException", "SPIN/JACKSON-JSON-01001 Unable to parse",
                0, false)).isEqualTo(400);
    }

    @Test
    void aClaimedTaskIsAConflict() {
        assertThat(CallerMistakes.statusOf("TaskAlreadyClaimedException", "Task '1' is already claimed", 0, false))
                .isEqualTo(409);
    }

    @Test
    void everythingElseStaysAServerError() {
        assertThat(CallerMistakes.statusOf("ProcessEnginePersistenceException", "An exception occurred in the "
                + "persistence layer.", 0, false)).isEqualTo(CallerMistakes.NONE);
        assertThat(CallerMistakes.statusOf("NullPointerException", "Cannot invoke \"String.length()\" because "
                + "\"x\" is null", 0, false)).isEqualTo(CallerMistakes.NONE);
        assertThat(CallerMistakes.statusOf("ClassCastException", "class A cannot be cast", 0, false))
                .isEqualTo(CallerMistakes.NONE);
    }
}
