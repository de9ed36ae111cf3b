package io.ispflow.network.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.ispflow.network.snmp.SnmpFailure;

/**
 * Polls every company's managed devices at each device's own interval: claims the due ones
 * ({@link PollClaims}), reads each over SNMP ({@link DeviceReader}) with at most {@code concurrency}
 * devices in flight and no thread per device (the requests are asynchronous; this thread records each
 * answer as it comes), and records the outcome as the device's company ({@link PollRecords}).
 * {@code isp.network.polling.*}; with {@code background} on, one thread per node sweeps for due devices.
 */
@Component
public class DevicePolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DevicePolling.class);

    /** What one round did: devices polled, of which answered, and interface samples written. */
    public record Round(int devices, int answered, int interfaces) {
    }

    private record Outcome(PollClaims.Device device, Instant started, DeviceReading reading, Throwable failure) {
    }

    private final PollClaims claims;
    private final PollRecords records;
    private final DeviceReader reader;
    private final PollingProperties properties;
    private final Clock clock;
    private volatile Thread sweeper;

    DevicePolling(PollClaims claims, PollRecords records, DeviceReader reader, PollingProperties properties,
            Clock clock) {
        this.claims = claims;
        this.records = records;
        this.reader = reader;
        this.properties = properties;
        this.clock = clock;
    }

    /** Polls every device due now, batch after batch, on the calling thread; returns what was done. */
    public Round pollDue() {
        Round total = new Round(0, 0, 0);
        for (var batch = claims.claim(clock.instant(), properties.batch(), properties.lease()); !batch.isEmpty();
                batch = claims.claim(clock.instant(), properties.batch(), properties.lease())) {
            Round round = poll(batch);
            total = new Round(total.devices() + round.devices(), total.answered() + round.answered(),
                    total.interfaces() + round.interfaces());
        }
        return total;
    }

    private Round poll(List<PollClaims.Claim> batch) {
        List<PollClaims.Device> devices = new ArrayList<>();
        batch.stream().collect(Collectors.groupingBy(PollClaims.Claim::companyId))
                .forEach((company, claimed) -> devices.addAll(this.claims.devices(company, claimed).values()));
        BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        Iterator<PollClaims.Device> next = devices.iterator();
        int inFlight = 0;
        int answered = 0;
        int interfaces = 0;
        while (next.hasNext() || inFlight > 0) {
            if (next.hasNext() && inFlight < properties.concurrency()) {
                inFlight += start(next.next(), done) ? 1 : 0;
                continue;
            }
            Outcome outcome = take(done);
            inFlight--;
            if (record(outcome)) {
                answered++;
                interfaces += outcome.reading().interfaces().size();
            }
        }
        return new Round(devices.size(), answered, interfaces);
    }

    /** Sends the device's first request; the answer lands in {@code done}. False when it is not polled. */
    private boolean start(PollClaims.Device device, BlockingQueue<Outcome> done) {
        Instant started = clock.instant();
        if (device.endpoint() == null || device.claim() == null) {
            if (device.claim() != null) {
                records.skipped(device, started);
            }
            return false;
        }
        boolean describe = device.claim().describedAt() == null
                || !device.claim().describedAt().plus(properties.describeEvery()).isAfter(started);
        CompletableFuture<DeviceReading> reading;
        try {
            reading = reader.read(device.claim().equipmentId(), device.endpoint(), describe);
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        reading.whenComplete((answer, failure) -> done.add(new Outcome(device, started, answer, failure)));
        return true;
    }

    private boolean record(Outcome outcome) {
        try {
            if (outcome.failure() == null) {
                records.succeeded(outcome.device(), outcome.started(), outcome.reading());
                return true;
            }
            records.failed(outcome.device(), outcome.started(), describe(outcome.failure()), properties.downAfter());
        } catch (RuntimeException e) {
            // the device stays leased and is polled again when its lease runs out
            log.warn("Recording the poll of device {} failed", outcome.device().claim().equipmentId(), e);
        }
        return false;
    }

    /** The failure as staff may read it: SNMP's own messages name the device and the error, never a secret. */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof SnmpFailure ? cause.getMessage() : "poll failed: " + cause.getClass().getSimpleName();
    }

    private static Outcome take(BlockingQueue<Outcome> done) {
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }

    @Override
    public void start() {
        if (!properties.background() || sweeper != null) {
            return;
        }
        Thread thread = new Thread(this::sweep, "device-polling");
        thread.setDaemon(true);
        sweeper = thread;
        thread.start();
    }

    private void sweep() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pollDue();
                Thread.sleep(properties.sweep().toMillis());
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                // claimed devices stay leased and are polled again when their lease runs out
                log.warn("Polling devices failed; trying again shortly", e);
                try {
                    Thread.sleep(properties.sweep().toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = sweeper;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sweeper = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }
}
