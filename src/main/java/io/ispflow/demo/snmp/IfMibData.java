package io.ispflow.demo.snmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.snmp4j.PDU;
import org.snmp4j.agent.DefaultMOScope;
import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.mo.GenericManagedObject;
import org.snmp4j.agent.request.SubRequest;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The system group, {@code ifNumber}, {@code ifTable} and {@code ifXTable} of one agent as one managed object:
 * a sorted array of instance OIDs, values computed from the counters when read.
 */
final class IfMibData implements GenericManagedObject {

    static final OID SYSTEM = new OID("1.3.6.1.2.1.1");
    static final OID IF_NUMBER = new OID("1.3.6.1.2.1.2.1.0");
    static final OID IF_ENTRY = new OID("1.3.6.1.2.1.2.2.1");
    static final OID IFX_ENTRY = new OID("1.3.6.1.2.1.31.1.1.1");
    static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    static final OID IF_INDEX = new OID("1.3.6.1.2.1.2.2.1.1");

    // value kinds: 1xx system, 200 ifNumber, 3xx ifEntry column, 4xx ifXEntry column
    private static final int[] IF_COLUMNS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 16, 17, 20};
    private static final int[] IFX_COLUMNS = {1, 6, 7, 10, 11, 15, 18};
    private static final long SPEED_BPS = 1_000_000_000L;

    private final MOScope scope = new DefaultMOScope(SYSTEM, true, new OID("1.3.6.1.2.1.32"), false);
    private final OID[] oids;
    private final int[] kinds;
    private final int[] rows;
    private final int count;
    private final OctetString sysDescr;
    private final OID sysObjectId;
    private final OctetString sysName;
    private final byte[] macBase;

    // state, guarded by this
    private final long[] inOctets;
    private final long[] outOctets;
    private final long[] inPkts;
    private final long[] outPkts;
    private final long[] inErrors;
    private final long[] outErrors;
    private final String[] alias;
    private final int[] admin;
    private final int[] oper;
    private final long[] lastChange;
    private boolean refuseSets;
    private LongSupplier uptime;
    private boolean uptimeFixed;

    IfMibData(int count, String sysDescr, OID sysObjectId, String sysName, LongSupplier uptime) {
        this.count = count;
        this.sysDescr = new OctetString(sysDescr);
        this.sysObjectId = sysObjectId;
        this.sysName = new OctetString(sysName);
        this.uptime = uptime;
        this.macBase = new byte[] {0x02, 0x1f, (byte) (sysName.hashCode() >>> 8), (byte) sysName.hashCode()};
        inOctets = new long[count + 1];
        outOctets = new long[count + 1];
        inPkts = new long[count + 1];
        outPkts = new long[count + 1];
        inErrors = new long[count + 1];
        outErrors = new long[count + 1];
        alias = new String[count + 1];
        Arrays.fill(alias, "");
        admin = new int[count + 1];
        oper = new int[count + 1];
        lastChange = new long[count + 1];
        Arrays.fill(admin, IfMibAgent.UP);
        Arrays.fill(oper, IfMibAgent.UP);

        TreeMap<OID, int[]> layout = new TreeMap<>();
        for (int sys : new int[] {1, 2, 3, 5}) {
            layout.put(new OID(SYSTEM).append(sys).append(0), new int[] {100 + sys, 0});
        }
        layout.put(IF_NUMBER, new int[] {200, 0});
        for (int row = 1; row <= count; row++) {
            for (int column : IF_COLUMNS) {
                layout.put(new OID(IF_ENTRY).append(column).append(row), new int[] {300 + column, row});
            }
            for (int column : IFX_COLUMNS) {
                layout.put(new OID(IFX_ENTRY).append(column).append(row), new int[] {400 + column, row});
            }
        }
        oids = new OID[layout.size()];
        kinds = new int[layout.size()];
        rows = new int[layout.size()];
        int i = 0;
        for (Map.Entry<OID, int[]> e : layout.entrySet()) {
            oids[i] = e.getKey();
            kinds[i] = e.getValue()[0];
            rows[i] = e.getValue()[1];
            i++;
        }
    }

    static String name(int ifIndex) {
        return "ge-0/0/" + ifIndex;
    }

    // ---- scripting ----

    synchronized void advance(int ifIndex, long in, long out, long inP, long outP) {
        check(ifIndex);
        inOctets[ifIndex] += in;
        outOctets[ifIndex] += out;
        inPkts[ifIndex] += inP;
        outPkts[ifIndex] += outP;
    }

    synchronized void addErrors(int ifIndex, long in, long out) {
        check(ifIndex);
        inErrors[ifIndex] += in;
        outErrors[ifIndex] += out;
    }

    synchronized void setCounters(int ifIndex, long hcIn, long hcOut) {
        check(ifIndex);
        inOctets[ifIndex] = hcIn;
        outOctets[ifIndex] = hcOut;
    }

    synchronized long inOctets(int ifIndex) {
        check(ifIndex);
        return inOctets[ifIndex];
    }

    synchronized long outOctets(int ifIndex) {
        check(ifIndex);
        return outOctets[ifIndex];
    }

    synchronized void resetCounters() {
        for (long[] a : List.of(inOctets, outOctets, inPkts, outPkts, inErrors, outErrors, lastChange)) {
            Arrays.fill(a, 0);
        }
    }

    synchronized void setOperStatus(int ifIndex, int status, long now) {
        check(ifIndex);
        checkStatus(status);
        if (oper[ifIndex] != status) {
            oper[ifIndex] = status;
            lastChange[ifIndex] = now;
        }
    }

    synchronized int operStatus(int ifIndex) {
        check(ifIndex);
        return oper[ifIndex];
    }

    synchronized int adminStatus(int ifIndex) {
        check(ifIndex);
        return admin[ifIndex];
    }

    synchronized void setAdminStatus(int ifIndex, int status) {
        check(ifIndex);
        checkStatus(status);
        admin[ifIndex] = status;
    }

    synchronized void setAlias(int ifIndex, String value) {
        check(ifIndex);
        alias[ifIndex] = value;
    }

    synchronized void refuseSets(boolean refuse) {
        this.refuseSets = refuse;
    }

    synchronized void uptime(LongSupplier supplier, boolean fixed) {
        this.uptime = supplier;
        this.uptimeFixed = fixed;
    }

    synchronized boolean uptimeFixed() {
        return uptimeFixed;
    }

    synchronized long uptime() {
        return uptime.getAsLong();
    }

    synchronized List<VariableBinding> linkVarbinds(int ifIndex) {
        check(ifIndex);
        List<VariableBinding> vbs = new ArrayList<>(3);
        vbs.add(new VariableBinding(new OID(IF_INDEX).append(ifIndex), new Integer32(ifIndex)));
        vbs.add(new VariableBinding(new OID(IF_ADMIN_STATUS).append(ifIndex), new Integer32(admin[ifIndex])));
        vbs.add(new VariableBinding(new OID(IF_OPER_STATUS).append(ifIndex), new Integer32(oper[ifIndex])));
        return vbs;
    }

    private void check(int ifIndex) {
        if (ifIndex < 1 || ifIndex > count) {
            throw new IllegalArgumentException("no interface " + ifIndex + " (1.." + count + ")");
        }
    }

    private static void checkStatus(int status) {
        if (status != IfMibAgent.UP && status != IfMibAgent.DOWN) {
            throw new IllegalArgumentException("status is up(1) or down(2), not " + status);
        }
    }

    // ---- values ----

    private synchronized Variable value(int kind, int row) {
        return switch (kind) {
            case 101 -> sysDescr;
            case 102 -> sysObjectId;
            case 103 -> new TimeTicks(uptime.getAsLong() & 0xFFFFFFFFL);
            case 105 -> sysName;
            case 200 -> new Integer32(count);
            case 301 -> new Integer32(row);
            case 302, 401 -> new OctetString(name(row));
            case 303 -> new Integer32(6); // ethernetCsmacd
            case 304 -> new Integer32(1500);
            case 305 -> new Gauge32(SPEED_BPS);
            case 306 -> new OctetString(new byte[] {macBase[0], macBase[1], macBase[2], macBase[3],
                (byte) (row >>> 8), (byte) row});
            case 307 -> new Integer32(admin[row]);
            case 308 -> new Integer32(oper[row]);
            case 309 -> new TimeTicks(lastChange[row] & 0xFFFFFFFFL);
            case 310 -> new Counter32(inOctets[row] & 0xFFFFFFFFL);
            case 311 -> new Counter32(inPkts[row] & 0xFFFFFFFFL);
            case 314 -> new Counter32(inErrors[row] & 0xFFFFFFFFL);
            case 316 -> new Counter32(outOctets[row] & 0xFFFFFFFFL);
            case 317 -> new Counter32(outPkts[row] & 0xFFFFFFFFL);
            case 320 -> new Counter32(outErrors[row] & 0xFFFFFFFFL);
            case 406 -> new Counter64(inOctets[row]);
            case 407 -> new Counter64(inPkts[row]);
            case 410 -> new Counter64(outOctets[row]);
            case 411 -> new Counter64(outPkts[row]);
            case 415 -> new Gauge32(SPEED_BPS / 1_000_000L);
            case 418 -> new OctetString(alias[row]);
            default -> throw new IllegalStateException("kind " + kind);
        };
    }

    /** Index of the first OID at or after {@code oid} (after only, when {@code inclusive} is false). */
    private int first(OID oid, boolean inclusive) {
        int i = Arrays.binarySearch(oids, oid);
        if (i >= 0) {
            return inclusive ? i : i + 1;
        }
        return -i - 1;
    }

    private static boolean belowUpper(MOScope range, OID oid) {
        OID upper = range.getUpperBound();
        if (upper == null) {
            return true;
        }
        int c = oid.compareTo(upper);
        return c < 0 || (c == 0 && range.isUpperIncluded());
    }

    // ---- ManagedObject ----

    @Override
    public MOScope getScope() {
        return scope;
    }

    @Override
    public OID find(MOScope range) {
        int i = first(range.getLowerBound(), range.isLowerIncluded());
        return i < oids.length && belowUpper(range, oids[i]) ? oids[i] : null;
    }

    @Override
    public void get(SubRequest<?> request) {
        VariableBinding vb = request.getVariableBinding();
        int i = Arrays.binarySearch(oids, vb.getOid());
        vb.setVariable(i >= 0 ? value(kinds[i], rows[i]) : Null.noSuchInstance);
        request.completed();
    }

    @Override
    public boolean next(SubRequest<?> request) {
        MOScope range = request.getScope();
        int i = first(range.getLowerBound(), range.isLowerIncluded());
        if (i >= oids.length || !belowUpper(range, oids[i])) {
            return false;
        }
        VariableBinding vb = request.getVariableBinding();
        vb.setOid(oids[i]);
        vb.setVariable(value(kinds[i], rows[i]));
        request.completed();
        return true;
    }

    @Override
    public void prepare(SubRequest<?> request) {
        VariableBinding vb = request.getVariableBinding();
        OID oid = vb.getOid();
        int i = Arrays.binarySearch(oids, oid);
        if (i < 0) {
            request.setErrorStatus(PDU.noCreation);
        } else if (kinds[i] != 307) {
            request.setErrorStatus(PDU.notWritable);
        } else if (!(vb.getVariable() instanceof Integer32 v)) {
            request.setErrorStatus(PDU.wrongType);
        } else if (v.getValue() != IfMibAgent.UP && v.getValue() != IfMibAgent.DOWN) {
            request.setErrorStatus(PDU.wrongValue);
        }
        request.getStatus().setPhaseComplete(true);
    }

    @Override
    public void commit(SubRequest<?> request) {
        VariableBinding vb = request.getVariableBinding();
        int row = rows[Arrays.binarySearch(oids, vb.getOid())];
        synchronized (this) {
            if (refuseSets) {
                request.setErrorStatus(PDU.commitFailed);
            } else {
                request.setUndoValue(admin[row]);
                admin[row] = ((Integer32) vb.getVariable()).getValue();
            }
        }
        request.getStatus().setPhaseComplete(true);
    }

    @Override
    public void undo(SubRequest<?> request) {
        if (request.getUndoValue() instanceof Integer previous) {
            int row = rows[Arrays.binarySearch(oids, request.getVariableBinding().getOid())];
            synchronized (this) {
                admin[row] = previous;
            }
        }
        request.getStatus().setPhaseComplete(true);
    }

    @Override
    public void cleanup(SubRequest<?> request) {
        request.setUndoValue(null);
        request.getStatus().setPhaseComplete(true);
    }
}
