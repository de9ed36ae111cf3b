package io.ispflow.platform.camunda;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which of the engine REST API's server errors are the caller's doing, read from Camunda's error body
 * ({@code type}, {@code message}): the REST layer answers 500 for most engine exceptions, whatever their
 * cause. Each rule names one kind of mistake seen from outside; anything else stays a server error.
 */
final class CallerMistakes {

    static final int NONE = 0;
    /** Camunda's built-in code for a value too long for its column ({@code BuiltinExceptionCode}). */
    static final int COLUMN_SIZE_TOO_SMALL = 10_002;
    private static final String PERSISTENCE_FAILURE = "An exception occurred in the persistence layer";
    static final String TENANT_REFUSAL = "belongs to no authenticated tenant";
    /** Camunda's "not found" messages end in EnsureUtil's "...: task is null". */
    private static final Pattern NOT_FOUND = Pattern.compile(
            "(?is).*(cannot find|doesn't exist|does not exist|no deployed .+ found).*: \\w+ is null");
    private static final Map<String, Integer> BY_TYPE = Map.of(
            "NullValueException", 400,          // a required value is missing
            "StreamConstraintsException", 400,  // JSON nested or sized beyond Jackson's limits
            "SpinJsonDataFormatException", 400, // a JSON variable that is no JSON
            "TaskAlreadyClaimedException", 409);
    private static final List<String> BAD_REQUEST_MESSAGES = List.of(
            "Unknown property used in expression", // a variable the process decides on was not given
            "Cannot find serializer for value",    // a variable of a type the engine cannot store
            "UTILS-02001 Parameter 'format' is null", // an object variable without its serialization format
            "Cannot create file without",          // a file variable without its name or details
            "Cannot invoke \"Object.getClass()\" because \"object\" is null", // a list variable holding null
            "cannot be used in",                   // a query condition unfit for its value: "Booleans and null ..."
            "cannot be used to query",
            // Camunda's resources dereferencing what the body left out or sent as JSON null
            "Cannot invoke \"org.camunda.bpm.engine.rest.dto.",
            "because \"op\" is null");

    private CallerMistakes() {
    }

    /**
     * The status the answer deserves, or {@link #NONE} when it is a server error after all.
     *
     * @param code       Camunda's error code, 0 when it gave none
     * @param carriedNul whether the request carried a NUL character, which PostgreSQL refuses to store
     */
    static int statusOf(String type, String message, int code, boolean carriedNul) {
        if (message.contains(TENANT_REFUSAL)) {
            return 403;
        }
        if (NOT_FOUND.matcher(message).matches()) {
            return 404;
        }
        if (BY_TYPE.containsKey(type)) {
            return BY_TYPE.get(type);
        }
        if (BAD_REQUEST_MESSAGES.stream().anyMatch(message::contains) || code == COLUMN_SIZE_TOO_SMALL
                || carriedNul && message.contains(PERSISTENCE_FAILURE)) {
            return 400;
        }
        return NONE;
    }
}
