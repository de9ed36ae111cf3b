package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Tasklist's search values for a phone or an account number, as {@link TaskSearchByClient} rewrites them. */
class TaskSearchByClientTests {

    private final TaskSearchByClient filter = new TaskSearchByClient(new ObjectMapper());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Tasklist turns 0712345678 into the number 712345678; staff also type spaces and the 254 prefix
            "712345678          | \"+254712345678\"",
            "254712345678       | \"+254712345678\"",
            "\"0712 345 678\"   | \"+254712345678\"",
            "\"+254 712 345678\" | \"+254712345678\"",
            "\"%345678\"        | \"%345678\"",
            "\"not a phone\"    | \"not a phone\""})
    void aPhoneConditionIsWrittenAsTheApiStoresNumbers(String typed, String searched) {
        assertThat(rewrite("{\"processVariables\":[{\"name\":\"phone\",\"operator\":\"eq\",\"value\":" + typed + "}]}"))
                .isEqualTo("{\"processVariables\":[{\"name\":\"phone\",\"operator\":\"eq\",\"value\":" + searched + "}]}");
    }

    @Test
    void anAccountNumberTypedAsANumberIsSearchedAsText() {
        assertThat(rewrite("{\"processVariables\":[{\"name\":\"accountNumber\",\"operator\":\"eq\",\"value\":100023}]}"))
                .isEqualTo("{\"processVariables\":[{\"name\":\"accountNumber\",\"operator\":\"eq\",\"value\":\"100023\"}]}");
    }

    @Test
    void conditionsInsideOrQueriesAreRewrittenToo() {
        assertThat(rewrite("{\"orQueries\":[{\"processVariables\":[{\"name\":\"phone\",\"operator\":\"eq\",\"value\":712345678}]}]}"))
                .contains("\"+254712345678\"");
    }

    @Test
    void otherVariablesAndBodiesPassUnchanged() {
        String amount = "{\"processVariables\":[{\"name\":\"amount\",\"operator\":\"eq\",\"value\":712345678}]}";
        assertThat(rewrite(amount)).isEqualTo(amount);
        assertThat(rewrite("not json {")).isEqualTo("not json {");
        assertThat(rewrite("[1,2]")).isEqualTo("[1,2]");
    }

    private String rewrite(String body) {
        return new String(filter.normalised(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
