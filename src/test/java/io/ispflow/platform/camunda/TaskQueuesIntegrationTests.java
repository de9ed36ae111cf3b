package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Which Tasklist filters each role reads: its own queue first (Tasklist opens on the filter of lowest
 * priority), then "My tasks" and "Overdue"; no other role's queue; "All company tasks" for administrators.
 */
@IntegrationTest
class TaskQueuesIntegrationTests {

    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    CamundaAccessSetup setup;

    @Test
    void everyRoleOpensOnItsOwnQueueAndReadsNoOtherRolesQueue() {
        TestCompany acme = testCompanies.create();
        for (TaskQueues.Queue queue : TaskQueues.QUEUES) {
            StaffRole role = queue.role();
            List<String> shown = filtersOf(acme, role);
            var expected = new java.util.ArrayList<>(List.of(queue.name(), "My tasks", "Overdue"));
            if (role == StaffRole.ISP_ADMIN) {
                expected.add("All company tasks");
            }
            assertThat(shown).as(role.id()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void queuesSortTheMostUrgentFirst() {
        for (Filter filter : filters.createTaskFilterQuery().list()) {
            var query = (org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery();
            assertThat(query.getOrderingProperties()).as(filter.getName())
                    .extracting(p -> p.getQueryProperty().getName() + " " + p.getDirection().getName())
                    .startsWith("DUE_DATE_ asc", "PRIORITY_ desc");
        }
    }

    @Test
    void aRestartLeavesUnchangedFiltersUnwritten() throws Exception {
        Map<String, Integer> before = revisions();
        setup.run(null);
        assertThat(revisions()).isEqualTo(before);
    }

    private Map<String, Integer> revisions() {
        return filters.createTaskFilterQuery().list().stream().collect(java.util.stream.Collectors.toMap(
                Filter::getId, f -> ((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) f).getRevision()));
    }

    /** The filters Tasklist lists for a staff member of that role, in its order (priority, then name). */
    private List<String> filtersOf(TestCompany company, StaffRole role) {
        identity.setAuthentication(company.user(role), List.of(role.id()), List.of(company.id().toString()));
        try {
            return filters.createTaskFilterQuery().list().stream()
                    .sorted(Comparator.<Filter>comparingInt(f -> priority(f.getProperties())).thenComparing(Filter::getName))
                    .map(Filter::getName).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static int priority(Map<String, Object> properties) {
        return ((Number) properties.getOrDefault("priority", 0)).intValue();
    }
}
