package io.ispflow.billing;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gap-free sequential document numbers per company and kind ({@code INV-000001}, {@code RCT-000001}).
 * Taking a number locks the counter row until the transaction ends, so numbers follow commit order.
 */
@Component
public class DocumentNumbers {

    private final JdbcTemplate jdbc;

    DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next(UUID companyId, String kind, String prefix) {
        Long number = jdbc.queryForObject("""
                insert into document_numbers (isp_company_id, kind, last_number) values (?, ?, 1)
                on conflict (isp_company_id, kind) do update set last_number = document_numbers.last_number + 1
                returning last_number""", Long.class, companyId, kind);
        return String.format("%s-%06d", prefix, number);
    }
}
