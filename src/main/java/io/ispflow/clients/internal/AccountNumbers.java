package io.ispflow.clients.internal;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out account numbers per company: short digits a customer can type into the M-PESA menu as the
 * account. Taking a number locks the company's counter row until the transaction ends, which also
 * serialises concurrent registrations of one company (and so keeps the licence check exact).
 */
@Component
public class AccountNumbers {

    static final long FIRST = 100001;

    private final JdbcTemplate jdbc;

    AccountNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next(UUID companyId) {
        Long number = jdbc.queryForObject("""
                insert into client_account_numbers (isp_company_id, last_number) values (?, ?)
                on conflict (isp_company_id) do update set last_number = client_account_numbers.last_number + 1
                returning last_number""", Long.class, companyId, FIRST);
        return String.valueOf(number);
    }
}
