package io.ispflow.clients.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import io.ispflow.clients.ClientSearch;
import io.ispflow.clients.ClientStatus;

public interface ClientRepository extends JpaRepository<ClientEntity, UUID>, JpaSpecificationExecutor<ClientEntity> {

    Optional<ClientEntity> findByCompanyIdAndId(UUID companyId, UUID id);

    Optional<ClientEntity> findByCompanyIdAndAccountNumber(UUID companyId, String accountNumber);

    java.util.List<ClientEntity> findByCompanyIdAndPhone(UUID companyId, String phone);

    /** Clients that occupy a licence slot: everyone not disconnected. */
    @Query("select count(c) from ClientEntity c where c.companyId = ?1 and c.status <> io.ispflow.clients.ClientStatus.DISCONNECTED")
    long countLicensed(UUID companyId);

    static Specification<ClientEntity> matching(UUID companyId, ClientSearch search) {
        Specification<ClientEntity> spec = (root, query, cb) -> cb.equal(root.get("companyId"), companyId);
        if (search.status() != null) {
            ClientStatus status = search.status();
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (search.text() != null && !search.text().isBlank()) {
            String text = search.text().trim();
            String digits = text.replaceAll("\\D", "");
            String namePattern = "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> {
                var byName = cb.like(cb.lower(root.get("name")), namePattern, '\\');
                var byAccount = cb.equal(root.get("accountNumber"), text);
                // phones are stored as +2547XXXXXXXX; match on the last digits people remember
                var byPhone = digits.length() >= 4
                        ? cb.like(root.get("phone"), "%" + (digits.startsWith("0") ? digits.substring(1) : digits) + "%")
                        : cb.disjunction();
                return cb.or(byName, byAccount, byPhone);
            });
        }
        return spec;
    }
}
