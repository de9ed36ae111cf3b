package io.ispflow.network.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.mp.SnmpConstants;
import org.springframework.stereotype.Component;

import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.SnmpFailure;
import io.ispflow.network.snmp.SnmpSession;

/**
 * Asks a device now, with its stored access, for its sysName and sysUpTime: whether staff set it up
 * right. A device that does not answer, or refuses, is an outcome to show, not an error.
 */
@Component
public class DeviceProbe {

    private final Devices devices;
    private final DeviceAccess access;
    private final SnmpSession snmp;
    private final Clock clock;

    DeviceProbe(Devices devices, DeviceAccess access, SnmpSession snmp, Clock clock) {
        this.devices = devices;
        this.access = access;
        this.snmp = snmp;
        this.clock = clock;
    }

    /** What one GET brought back: the device's name and uptime, or why nothing came. */
    public record Outcome(boolean answered, String sysName, Long sysUpTimeTicks, String error, boolean timedOut,
            long elapsedMillis, Instant at) {
    }

    /** Probes the company's device in service; no transaction is held while waiting for it. */
    public Outcome probe(UUID deviceId) {
        devices.inService(deviceId);
        var endpoint = access.endpoint(deviceId)
                .orElseThrow(() -> new DeviceChangeRefused("The device has no SNMP access set."));
        long started = System.nanoTime();
        Instant at = clock.instant();
        try {
            List<VariableBinding> answer = snmp.getAsync(endpoint, SnmpConstants.sysName, SnmpConstants.sysUpTime)
                    .join();
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new Outcome(true, text(answer, SnmpConstants.sysName), ticks(answer), null, false, elapsed, at);
        } catch (CompletionException e) {
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (e.getCause() instanceof SnmpFailure failure) {
                return new Outcome(false, null, null, failure.getMessage(), failure.timedOut(), elapsed, at);
            }
            throw e;
        } catch (IllegalArgumentException unusable) {
            // an address the SNMP transport cannot send to: what staff must fix, said as the outcome
            return new Outcome(false, null, null, endpoint.host() + ":" + endpoint.port() + ": " + unusable.getMessage(),
                    false, 0, at);
        }
    }

    private static String text(List<VariableBinding> answer, OID oid) {
        return answer.stream().filter(b -> b.getOid().startsWith(oid) && !b.isException())
                .map(b -> b.getVariable().toString()).findFirst().orElse(null);
    }

    private static Long ticks(List<VariableBinding> answer) {
        return answer.stream().filter(b -> b.getOid().startsWith(SnmpConstants.sysUpTime) && !b.isException())
                .map(b -> b.getVariable().toLong()).findFirst().orElse(null);
    }
}
