package io.ispflow.network.traps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.snmp4j.PDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * A notification (trap or inform) as received: its OID, the sender's uptime in it, and its variables by
 * OID, in the order sent.
 *
 * @param naturalKey the same for the same notification sent twice (an inform sent again, a repeated trap):
 *                   the uptime and a digest of all variables
 */
record ReceivedTrap(String sourceAddress, String version, String pduType, String trapOid, Long uptimeTicks,
        Map<String, String> variables, String naturalKey) {

    static ReceivedTrap of(String sourceAddress, String version, PDU pdu) {
        Map<String, String> variables = new LinkedHashMap<>();
        String trapOid = null;
        Long uptime = null;
        for (VariableBinding binding : pdu.getVariableBindings()) {
            OID oid = binding.getOid();
            if (SnmpConstants.snmpTrapOID.equals(oid)) {
                trapOid = binding.getVariable().toString();
            } else if (SnmpConstants.sysUpTime.equals(oid)) {
                uptime = binding.getVariable().toLong();
            }
            variables.put(oid.toDottedString(), binding.getVariable().toString());
        }
        String type = pdu.getType() == PDU.INFORM ? "inform" : "trap";
        return new ReceivedTrap(sourceAddress, version, type, trapOid == null ? "" : trapOid, uptime, variables,
                (uptime == null ? "-" : uptime) + ":" + digest(variables));
    }

    private static String digest(Map<String, String> variables) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            variables.forEach((oid, value) -> sha.update((oid + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
