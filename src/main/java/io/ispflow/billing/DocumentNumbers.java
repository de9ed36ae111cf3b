package io.ispflow.billing;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ispflow.platform.TenantScope;

/**
 * Gap-free sequential document numbers per company and kind ({@code INV-000001}, {@code RCT-000001}),
 * taken as the document's transaction commits ({@link #atCommit}), so numbers follow commit order.
 */
@Component
public class DocumentNumbers {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    DocumentNumbers(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    private String next(UUID companyId, String kind, String prefix) {
        Long number = jdbc.queryForObject("""
                insert into document_numbers (isp_company_id, kind, last_number) values (?, ?, 1)
                on conflict (isp_company_id, kind) do update set last_number = document_numbers.last_number + 1
                returning last_number""", Long.class, companyId, kind);
        return String.format("%s-%06d", prefix, number);
    }

    /**
     * Numbers a document as its transaction commits ({@code apply} writes the number): the counter row is
     * locked just before the commit and only for it, so a company's transactions do not queue behind each
     * other for their whole length (a renewal run, payments arriving together). Numbers stay gap-free and
     * follow commit order. Until then the document carries {@link #provisional(UUID)}, which no other
     * transaction sees. Without a transaction the number is taken at once.
     */
    public void atCommit(UUID companyId, String kind, String prefix, Consumer<String> apply) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            apply.accept(next(companyId, kind, prefix));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                // the company's scope again: the step that issued the document may have left it
                tenantScope.runAs(companyId, () -> apply.accept(next(companyId, kind, prefix)));
            }
        });
    }

    /** A document's number until its transaction commits: unique, 30 characters, never committed. */
    public static String provisional(UUID documentId) {
        return "PENDING-" + documentId.toString().replace("-", "").substring(0, 22);
    }
}
