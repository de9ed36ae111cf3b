package io.ispflow.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Endpoints fuzzed from a list: the engine REST API as staff use it (tasks, starts, users, groups,
 * messages) and the provider intakes, each intake with the company's real token and with made-up ones.
 */
final class FuzzListedTargets {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TASK_QUERY = List.of("processDefinitionKey", "taskDefinitionKey", "assignee",
            "candidateGroup", "nameLike", "processVariables", "dueBefore", "tenantIdIn", "sortBy", "sortOrder",
            "firstResult", "maxResults");
    private static final List<String> IDENTITY_QUERY = List.of("id", "idIn", "firstNameLike", "memberOfGroup",
            "memberOfTenant", "member", "sortBy", "sortOrder", "firstResult", "maxResults");
    private static final List<String> VALUE_TYPES = List.of("String", "Integer", "Long", "Double", "Boolean", "Date",
            "Json", "Xml", "Object", "Bytes", "File", "Null", "Short", "Garbage");
    private static final List<String> VARIABLES = List.of("name", "phone", "address", "county", "subCounty",
            "clientType", "connectionType", "monthlyRate", "servicePackageId", "nocDecision", "nocNotes",
            "rejectionReason", "clientId", "equipmentId", "visitDate", "technician", "installationOutcome",
            "signalDbm", "amount", "resultCode", "registeredBy");

    /** Real values the listed targets call with. */
    record Known(TestCompany company, List<String> clientIds, List<String> tasks, List<String> foreignTasks,
            List<String> definitionIds, String accountNumber, String mpesaToken, String bankToken, String bankSecret,
            String smsToken) {
    }

    private FuzzListedTargets() {
    }

    static List<FuzzTarget> engineRest(Known known) {
        String noc = known.company().user(StaffRole.NETWORK_OPERATIONS);
        String sales = known.company().user(StaffRole.SALES_ACCOUNT_MANAGER);
        String admin = known.company().user(StaffRole.ISP_ADMIN);
        Map<String, List<String>> real = Map.of(
                "id", Stream.concat(known.tasks().stream(), known.foreignTasks().stream()).toList(),
                "key", List.of("clientOnboarding", "installation", "paymentReconciliation"),
                "definitionId", known.definitionIds(),
                "name", VARIABLES,
                "userId", List.of(noc, sales, admin, "demo", "camunda-admin"),
                "groupId", Stream.of(StaffRole.values()).map(StaffRole::id).toList());
        Function<FuzzInputs, JsonNode> start = inputs -> NODES.objectNode().put("businessKey", inputs.text())
                .set("variables", variables(inputs));
        return List.of(
                engine("GET", "/engine-rest/task", noc, real, TASK_QUERY, null),
                engine("POST", "/engine-rest/task", noc, real, List.of(), inputs -> NODES.objectNode()
                        .put("processDefinitionKey", "clientOnboarding").put("candidateGroup", "network_operations")
                        .set("processVariables", NODES.arrayNode().add(NODES.objectNode().put("name", "clientType")
                                .put("operator", inputs.oneOf(List.of("eq", "like", "gt", "bogus"))).put("value", inputs.text())))),
                engine("POST", "/engine-rest/task/{id}/claim", noc, real, List.of(),
                        inputs -> NODES.objectNode().put("userId", inputs.chance(0.5) ? noc : inputs.text())),
                engine("POST", "/engine-rest/task/{id}/complete", noc, real, List.of(),
                        inputs -> NODES.objectNode().set("variables", variables(inputs))),
                engine("GET", "/engine-rest/task/{id}/variables", noc, real, List.of("deserializeValues"), null),
                engine("POST", "/engine-rest/task/{id}/variables", noc, real, List.of(), inputs -> NODES.objectNode()
                        .<ObjectNode>set("modifications", variables(inputs))
                        .set("deletions", NODES.arrayNode().add(inputs.oneOf(VARIABLES)))),
                engine("PUT", "/engine-rest/task/{id}/variables/{name}", noc, real, List.of(), FuzzListedTargets::typedValue),
                engine("GET", "/engine-rest/task/{id}/form-variables", noc, real, List.of("variableNames"), null),
                engine("POST", "/engine-rest/process-definition/key/{key}/start", sales, real, List.of(), start),
                engine("POST", "/engine-rest/process-definition/key/{key}/submit-form", sales, real, List.of(), start),
                engine("POST", "/engine-rest/process-definition/{definitionId}/start", sales, real, List.of(), start),
                engine("GET", "/engine-rest/user", admin, real, IDENTITY_QUERY, null),
                engine("GET", "/engine-rest/user/{userId}/profile", admin, real, List.of(), null),
                engine("GET", "/engine-rest/group", admin, real, IDENTITY_QUERY, null),
                engine("GET", "/engine-rest/group/{groupId}", admin, real, List.of(), null),
                engine("POST", "/engine-rest/message", admin, real, List.of(), inputs -> NODES.objectNode()
                        .put("messageName", inputs.oneOf(List.of("paymentReceived", "x", inputs.text())))
                        .put("businessKey", inputs.text()).put("all", inputs.chance(0.5))
                        .<ObjectNode>set("processVariables", variables(inputs))
                        .set("correlationKeys", variables(inputs))));
    }

    private static FuzzTarget engine(String method, String template, String user, Map<String, List<String>> real,
            List<String> params, Function<FuzzInputs, JsonNode> plausible) {
        return new FuzzTarget(method + " " + template, method, template, user, real, List.of(), params, plausible, null);
    }

    /** Variables as the engine REST API takes them: typed values, of the right type or not. */
    static ObjectNode variables(FuzzInputs inputs) {
        ObjectNode variables = NODES.objectNode();
        for (int i = inputs.chance(0.2) ? 0 : inputs.chance(0.5) ? 4 : 2; i > 0; i--) {
            variables.set(inputs.chance(0.8) ? inputs.oneOf(VARIABLES) : inputs.text(), typedValue(inputs));
        }
        return variables;
    }

    static ObjectNode typedValue(FuzzInputs inputs) {
        ObjectNode value = NODES.objectNode();
        value.set("value", inputs.chance(0.3) ? NODES.textNode(inputs.oneOf(List.of("approve", "reject", "0712345678",
                "individual", "fiber", "3500", "2026-12-01T10:00+03:00", "staff:" + inputs.text(),
                inputs.uuid().toString()))) : inputs.json(2));
        if (inputs.chance(0.6)) {
            value.put("type", inputs.oneOf(VALUE_TYPES));
        }
        if (inputs.chance(0.2)) {
            value.set("valueInfo", NODES.objectNode()
                    .put("objectTypeName", inputs.oneOf(List.of("java.util.ArrayList", "java.lang.ProcessBuilder",
                            "java.net.URL", "com.sun.rowset.JdbcRowSetImpl", inputs.text())))
                    .put("serializationDataFormat", inputs.oneOf(List.of("application/json",
                            "application/x-java-serialized-object", "application/xml", inputs.text()))));
        }
        return value;
    }

    /** Each intake twice: with the company's real token, and with made-up ones. */
    static List<FuzzTarget> intakes(Known known) {
        return Stream.of(
                intake("/api/payments/mpesa/callback/{token}", known.mpesaToken(), null, stkCallback()),
                intake("/api/payments/paybill/{token}/validation", known.mpesaToken(), null, paybill(known, "c2b_validation_request.json")),
                intake("/api/payments/paybill/{token}/confirmation", known.mpesaToken(), null, paybill(known, "c2b_confirmation_request.json")),
                intake("/api/payments/bank/{token}", known.bankToken(), known.bankSecret(), bank(known)),
                intake("/api/messaging/sms/delivery/{token}", known.smsToken(), null,
                        inputs -> (ObjectNode) sample(inputs.oneOf(List.of("at_delivery_report_success.json",
                                "at_delivery_report_failed.json"))).get("form")),
                intake("/api/messaging/sms/incoming/{token}", known.smsToken(), null, inputs -> {
                    ObjectNode text = (ObjectNode) sample("at_incoming_sms_notification.json").get("form");
                    text.put("id", inputs.uuid().toString());
                    text.put("text", inputs.oneOf(List.of("BAL", "PAY 500", "Hello", "SALIO")));
                    return text;
                }))
                .flatMap(List::stream).toList();
    }

    private static List<FuzzTarget> intake(String template, String token, String secret,
            Function<FuzzInputs, JsonNode> plausible) {
        return List.of(
                new FuzzTarget("POST " + template + " (real token)", "POST", template, null,
                        Map.of("token", List.of(token)), List.of("token"), List.of(), plausible, secret),
                new FuzzTarget("POST " + template + " (made-up token)", "POST", template, null, Map.of(), List.of(),
                        List.of(), plausible, secret));
    }

    private static Function<FuzzInputs, JsonNode> stkCallback() {
        return inputs -> {
            ObjectNode sample = sample(inputs.oneOf(List.of("stk_callback_success.json", "stk_callback_cancelled_1032.json",
                    "stk_callback_timeout_1037.json", "stk_callback_success_with_empty_balance_item.json")));
            ((ObjectNode) sample.path("Body").path("stkCallback")).put("CheckoutRequestID", "ws_CO_" + inputs.uuid());
            return sample;
        };
    }

    private static Function<FuzzInputs, JsonNode> paybill(Known known, String file) {
        return inputs -> sample(file).put("BillRefNumber", known.accountNumber()).put("BusinessShortCode", "174379")
                .put("TransID", "FZ" + inputs.uuid().toString().substring(0, 8).toUpperCase());
    }

    private static Function<FuzzInputs, JsonNode> bank(Known known) {
        return inputs -> {
            boolean payment = inputs.chance(0.5);
            ObjectNode sample = sample(payment ? "bank_familybank_collections_payment_notification.json"
                    : "bank_familybank_collections_validation_request.json");
            ObjectNode payload = (ObjectNode) sample.path("payload");
            payload.put(payment ? "customer_id" : "identifier", known.accountNumber());
            if (payment) {
                payload.put("txn_reference", "FZ" + inputs.uuid().toString().substring(0, 12));
            } else {
                payload.put("identifier_type", "ACCOUNT_NUMBER");
            }
            return sample;
        };
    }

    private static ObjectNode sample(String file) {
        try {
            return (ObjectNode) FuzzInputs.JSON.readTree(ProviderPeers.darajaSample(file));
        } catch (Exception e) {
            throw new IllegalStateException(file, e);
        }
    }
}
