package io.ispflow.platform.camunda;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ispflow.shared.StaffRole;

/**
 * The Tasklist queues of the staff roles, and the process variables that name a task's subject on its
 * line: the client (name and account number) or the payment (amount and receipt or bank reference).
 * Each role opens Tasklist on its own queue; every queue lists the most urgent first: earliest due date,
 * then highest priority ({@code dmn/task-priority.dmn}).
 */
public final class TaskQueues {

    /** A displayed variable: its name in the processes and its column label in Tasklist. */
    public record Column(String variable, String label) {
        Map<String, String> forTasklist() {
            return Map.of("name", variable, "label", label);
        }
    }

    /** A role's queue: its name in Tasklist's filter list, what it holds, and its columns. */
    public record Queue(StaffRole role, String name, String description, List<Column> columns) {
    }

    /** The variables, any one set of which a user task's form shows, so that staff see whose task it is. */
    public static final List<List<String>> SUBJECTS = List.of(
            List.of("name", "accountNumber"),
            List.of("amount", "mpesaReceiptNumber"),
            List.of("amount", "bankReference"));

    static final List<Column> CLIENT = List.of(
            new Column("name", "Client"), new Column("accountNumber", "Account"), new Column("phone", "Phone"));
    static final List<Column> PAYMENT = List.of(
            new Column("amount", "Amount (KES)"), new Column("mpesaReceiptNumber", "M-PESA receipt"),
            new Column("bankReference", "Bank reference"));

    static final List<Queue> QUEUES = List.of(
            new Queue(StaffRole.NETWORK_OPERATIONS, "NOC: approvals, visits and link checks",
                    "Coverage approvals, installation visits to schedule, links to verify and client ports to "
                            + "switch by hand",
                    concat(CLIENT, new Column("county", "County"), new Column("connectionType", "Connection"),
                            new Column("deviceName", "Device"), new Column("portName", "Port"))),
            new Queue(StaffRole.BILLING_FINANCE, "Finance: payments to assign and review",
                    "Payments no client could be found for, and possible double payments",
                    concat(PAYMENT, CLIENT.toArray(Column[]::new))),
            new Queue(StaffRole.INFRASTRUCTURE_ASSET, "Assets: equipment to assign and recover",
                    "Equipment to assign to new clients and to recover from disconnected ones",
                    concat(CLIENT, new Column("packageName", "Package"), new Column("equipmentLabel", "Equipment"))),
            new Queue(StaffRole.CUSTOMER_SUPPORT, "Support: client calls and promises",
                    "Clients to call back and their requests", CLIENT),
            new Queue(StaffRole.SALES_ACCOUNT_MANAGER, "Sales: registrations to follow up",
                    "Registrations and accounts that need a salesperson", CLIENT),
            new Queue(StaffRole.HOTSPOT_ADMIN, "Hotspots: hotspot requests",
                    "Hotspot and voucher work", CLIENT),
            new Queue(StaffRole.ISP_ADMIN, "Management: escalations and decisions",
                    "Overdue approvals, repeated installation failures and other escalations",
                    concat(CLIENT, PAYMENT.toArray(Column[]::new))));

    private TaskQueues() {
    }

    private static List<Column> concat(List<Column> first, Column... more) {
        return Stream.concat(first.stream(), Stream.of(more)).toList();
    }
}
