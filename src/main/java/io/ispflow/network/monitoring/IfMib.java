package io.ispflow.network.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import io.ispflow.network.snmp.SnmpSession.TableRow;

/**
 * The objects a poll reads (SNMPv2-MIB system group, IF-MIB ifTable and ifXTable) and how a walk's rows
 * become {@link InterfaceReading}s. A device with ifXTable is walked for its 64-bit counters; one
 * without it for the 32-bit ifTable columns.
 */
final class IfMib {

    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");

    private static final String IF = "1.3.6.1.2.1.2.2.1.";
    private static final String IFX = "1.3.6.1.2.1.31.1.1.1.";

    /** ifDescr, ifAdminStatus, ifOperStatus, ifInErrors, ifOutErrors, then ifXTable's ifName, ifHighSpeed and HC counters. */
    static final OID[] WIDE = oids(IF + 2, IF + 7, IF + 8, IF + 14, IF + 20,
            IFX + 1, IFX + 15, IFX + 6, IFX + 10, IFX + 7, IFX + 11);
    /** ifDescr, ifAdminStatus, ifOperStatus, ifInErrors, ifOutErrors, then ifSpeed and the 32-bit counters. */
    static final OID[] NARROW = oids(IF + 2, IF + 7, IF + 8, IF + 14, IF + 20,
            IF + 5, IF + 10, IF + 16, IF + 11, IF + 17);

    private static final String[] OPER = {"up", "down", "testing", "unknown", "dormant", "not_present",
            "lower_layer_down"};
    private static final String[] ADMIN = {"up", "down", "testing"};

    private IfMib() {
    }

    /** Whether a walk of {@link #WIDE} found the 64-bit counters (the device has ifXTable). */
    static boolean hasHighCapacityCounters(List<TableRow> rows) {
        return rows.stream().anyMatch(row -> present(row.columns(), 7));
    }

    /** The interfaces of a walk of {@link #WIDE} ({@code wide}) or {@link #NARROW}. */
    static List<InterfaceReading> interfaces(List<TableRow> rows, boolean wide) {
        List<InterfaceReading> readings = new ArrayList<>(rows.size());
        for (TableRow row : rows) {
            if (row.index() == null || row.index().size() != 1) {
                continue;
            }
            VariableBinding[] c = row.columns();
            String descr = text(c, 0);
            String name = wide && text(c, 5) != null && !text(c, 5).isEmpty() ? text(c, 5) : descr;
            long speed = wide ? number(c, 6, 0L) : number(c, 5, 0L) / 1_000_000;
            readings.add(new InterfaceReading(row.index().get(0), name == null ? "if" + row.index() : name,
                    status(OPER, c, 2, "unknown"), status(ADMIN, c, 1, null), speed, wide,
                    counter(c, wide ? 7 : 6), counter(c, wide ? 8 : 7), counter(c, wide ? 9 : 8),
                    counter(c, wide ? 10 : 9), counter(c, 3), counter(c, 4)));
        }
        return readings;
    }

    static String text(VariableBinding[] columns, int i) {
        return present(columns, i) ? columns[i].getVariable().toString() : null;
    }

    private static Long counter(VariableBinding[] columns, int i) {
        return present(columns, i) ? columns[i].getVariable().toLong() : null;
    }

    private static long number(VariableBinding[] columns, int i, long otherwise) {
        return present(columns, i) ? columns[i].getVariable().toLong() : otherwise;
    }

    private static String status(String[] names, VariableBinding[] columns, int i, String otherwise) {
        long value = number(columns, i, 0);
        return value >= 1 && value <= names.length ? names[(int) value - 1] : otherwise;
    }

    private static boolean present(VariableBinding[] columns, int i) {
        if (columns == null || i >= columns.length || columns[i] == null) {
            return false;
        }
        Variable value = columns[i].getVariable();
        return value != null && !(value instanceof Null) && !value.isException();
    }

    private static OID[] oids(String... oids) {
        OID[] result = new OID[oids.length];
        for (int i = 0; i < oids.length; i++) {
            result[i] = new OID(oids[i]);
        }
        return result;
    }
}
