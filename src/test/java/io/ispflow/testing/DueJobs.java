package io.ispflow.testing;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.springframework.stereotype.Component;

import io.ispflow.platform.inbox.InboxDispatcher;

/**
 * Runs due jobs as the job executor would (it is off in tests), until the selection has none left;
 * starts the reconciliation of received payments first, as the inbox dispatcher would (also off).
 * Timers that are not due are left alone.
 */
@Component
public class DueJobs {

    private final ManagementService managementService;
    private final InboxDispatcher inbox;

    DueJobs(ManagementService managementService, InboxDispatcher inbox) {
        this.managementService = managementService;
        this.inbox = inbox;
    }

    /** The jobs of one process instance. */
    public void ofProcessInstance(String processInstanceId) {
        run(() -> query().processInstanceId(processInstanceId).list());
    }

    /** The jobs of all process instances with these ids, which may change from round to round. */
    public void ofProcessInstances(Supplier<List<String>> processInstanceIds) {
        run(() -> processInstanceIds.get().stream()
                .flatMap(id -> query().processInstanceId(id).list().stream()).toList());
    }

    /** Every job of one company (tenant), in batches. */
    public void ofTenant(String tenantId) {
        run(() -> query().tenantIdIn(tenantId).listPage(0, 500));
    }

    private JobQuery query() {
        return managementService.createJobQuery().executable();
    }

    private void run(Supplier<List<Job>> due) {
        for (int round = 0; round < 100; round++) {
            // payments received meanwhile get their reconciliation started, as the dispatcher thread would
            inbox.dispatchPending();
            List<Job> jobs = due.get();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs kept coming after 100 rounds");
    }
}
