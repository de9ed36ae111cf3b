package io.ispflow.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.data.domain.Pageable;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Invoicing;
import io.ispflow.billing.NewInvoice;
import io.ispflow.billing.NewServicePackage;
import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.ClientSearch;
import io.ispflow.clients.ClientType;
import io.ispflow.clients.ConnectionType;
import io.ispflow.network.EquipmentStock;
import io.ispflow.messaging.email.EmailGatewaySettings;
import io.ispflow.messaging.email.SmtpSecurity;
import io.ispflow.messaging.email.UpdateEmailGateway;
import io.ispflow.messaging.sms.SmsGatewaySettings;
import io.ispflow.messaging.sms.UpdateSmsGateway;
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;
import io.ispflow.network.NewEquipment;
import io.ispflow.network.Technicians;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.Companies;
import io.ispflow.tenancy.Company;
import io.ispflow.tenancy.LicenseType;
import io.ispflow.tenancy.NewStaffMember;
import io.ispflow.tenancy.RegisterCompany;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Loads the demo on the default run: a super administrator; Acme Networks (professional) and Savanna
 * Broadband (starter, with a contracted cap of 5 clients, so the limit is easy to hit); one user per
 * role in each; a few packages and clients. Idempotent: only what is missing is created.
 */
@Component
@Profile("default")
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Companies companies;
    private final StaffDirectory staff;
    private final ServiceCatalogue catalogue;
    private final ClientDirectory clients;
    private final TenantScope tenantScope;
    private final EquipmentStock equipment;
    private final Technicians technicians;
    private final MpesaSettings mpesa;
    private final Invoicing invoicing;
    private final SmsGatewaySettings sms;
    private final EmailGatewaySettings email;
    private final DemoMailbox mailbox;

    DemoData(Companies companies, StaffDirectory staff, ServiceCatalogue catalogue, ClientDirectory clients,
            TenantScope tenantScope, EquipmentStock equipment, Technicians technicians, MpesaSettings mpesa,
            Invoicing invoicing, SmsGatewaySettings sms, EmailGatewaySettings email, DemoMailbox mailbox) {
        this.sms = sms;
        this.email = email;
        this.mailbox = mailbox;
        this.equipment = equipment;
        this.technicians = technicians;
        this.mpesa = mpesa;
        this.invoicing = invoicing;
        this.companies = companies;
        this.staff = staff;
        this.catalogue = catalogue;
        this.clients = clients;
        this.tenantScope = tenantScope;
    }

    private record DemoCompany(String slug, String name, LicenseType license, int cap, List<String[]> clients) {
    }

    private static final List<DemoCompany> COMPANIES = List.of(
            new DemoCompany("acme", "Acme Networks Ltd", LicenseType.PROFESSIONAL, 1000, List.of(
                    new String[] {"Wanjiku Kamau", "0712345678", "Kilimani, Argwings Kodhek Rd", "Nairobi", "Dagoretti North", "individual", "fiber"},
                    new String[] {"Otieno & Sons Hardware", "0722000111", "Oginga Odinga St", "Kisumu", "Kisumu Central", "business", "fiber"},
                    new String[] {"Amina Hassan", "0733222333", "Nyali, Links Rd", "Mombasa", "Nyali", "individual", "wireless"},
                    new String[] {"Kiambu Level 5 Hospital", "0701555666", "Hospital Rd", "Kiambu", "Kiambu Town", "government", "fiber"},
                    new String[] {"Brian Mwangi", "0745678901", "Thika Rd, Roysambu", "Nairobi", "Roysambu", "individual", "wireless"})),
            new DemoCompany("savanna", "Savanna Broadband", LicenseType.STARTER, 5, List.of(
                    new String[] {"Chebet Kiprono", "0710101010", "Elgon View", "Uasin Gishu", "Kapseret", "individual", "wireless"},
                    new String[] {"Nakuru Agrovet Supplies", "0720202020", "Kenyatta Ave", "Nakuru", "Nakuru Town East", "business", "wireless"},
                    new String[] {"Peter Njoroge", "0730303030", "Milimani", "Nakuru", "Nakuru Town West", "individual", "fiber"})));

    @Override
    public void run(ApplicationArguments args) {
        if (!staff.exists(DemoLogins.SUPER_ADMIN)) {
            staff.enrol(new NewStaffMember(DemoLogins.SUPER_ADMIN, DemoLogins.PASSWORD, "Platform", "Administrator",
                    "superadmin@ispflow.example", StaffRole.SUPER_ADMIN, null));
        }
        COMPANIES.forEach(this::load);
    }

    private void load(DemoCompany demo) {
        Company company = companies.findBySlug(demo.slug())
                .orElseGet(() -> companies.register(new RegisterCompany(demo.name(), demo.slug(), demo.license(), demo.cap())));
        DemoLogins.SHORT_NAMES.forEach((role, shortName) -> {
            String userId = DemoLogins.userId(demo.slug(), role);
            if (!staff.exists(userId)) {
                staff.enrol(new NewStaffMember(userId, DemoLogins.PASSWORD, capitalise(demo.slug()),
                        role.displayName(), userId + "@" + demo.slug() + ".example", role, company.id()));
            }
        });
        tenantScope.runAs(company.id(), () -> {
            if (sms.current().isEmpty()) {
                // client SMS through the Africa's Talking sandbox simulator
                sms.save(new UpdateSmsGateway("sandbox", "demo-at-key-" + demo.slug(),
                        demo.slug().toUpperCase(java.util.Locale.ROOT), "sandbox", true));
            }
            if (email.current().isEmpty()) {
                // client e-mail through the demo's SMTP server on this machine
                email.save(new UpdateEmailGateway(DemoMailbox.HOST, mailbox.port(), SmtpSecurity.NONE, null, null,
                        "billing@" + demo.slug() + ".example", demo.name(), "support@" + demo.slug() + ".example", true));
            }
            loadCatalogueAndClients(company.id(), demo);
        });
    }

    private void loadCatalogueAndClients(UUID companyId, DemoCompany demo) {
        if (catalogue.offered().isEmpty()) {
            catalogue.add(new NewServicePackage("Home Wireless 10 Mbps", "Fixed wireless for homes", "wireless", 10, 5, new BigDecimal("2000.00")));
            catalogue.add(new NewServicePackage("Home Fibre 20 Mbps", "FTTH for homes", "fiber", 20, 20, new BigDecimal("2999.00")));
            catalogue.add(new NewServicePackage("Business Fibre 100 Mbps", "Symmetric fibre with SLA", "fiber", 100, 100, new BigDecimal("12500.00")));
        }
        if (clients.search(new ClientSearch(null, null), Pageable.ofSize(1)).getTotalElements() > 0) {
            return;
        }
        loadStockAndTechnicians(demo.slug());
        var packages = catalogue.offered();
        for (String[] c : demo.clients()) {
            ConnectionType connection = ConnectionType.valueOf(c[6].toUpperCase());
            var servicePackage = packages.stream().filter(p -> c[6].equals(p.connectionType())).findFirst().orElseThrow();
            clients.register(new ClientProfile(c[0], emailOf(c[0]), Msisdn.parse(c[1]), c[2], c[3], c[4],
                    ClientType.valueOf(c[5].toUpperCase()), connection, null, servicePackage.id(), null),
                    DemoLogins.userId(demo.slug(), StaffRole.SALES_ACCOUNT_MANAGER));
        }
        // M-PESA against the sandbox simulator, and an open invoice to pay with it
        mpesa.save(new UpdateMpesaSettings("174379", null, "demo-consumer-key", "demo-consumer-secret",
                "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919", "sandbox", true));
        var first = clients.search(new ClientSearch(null, demo.clients().get(0)[0]), Pageable.ofSize(1)).getContent().get(0);
        invoicing.issue(new NewInvoice(first.id(), new BigDecimal("2500.00"), "Installation fee", null, null,
                java.time.LocalDate.now().plusDays(7)), "demo");
        log.info("Demo: loaded packages and {} clients for {}", demo.clients().size(), companyId);
    }

    /** A few devices per kind in the store, and one contractor firm's technician. */
    private void loadStockAndTechnicians(String slug) {
        String prefix = slug.substring(0, 3).toUpperCase();
        for (int i = 1; i <= 4; i++) {
            equipment.receive(new NewEquipment("Huawei", "EG8145V5", prefix + "-ONU-" + (1000 + i),
                    String.format("48:57:02:%s:00:%02X", prefix.equals("ACM") ? "A1" : "B1", i), "Main store"));
            equipment.receive(new NewEquipment("Ubiquiti", "LBE-5AC-Gen2", prefix + "-CPE-" + (2000 + i),
                    String.format("24:5A:4C:%s:00:%02X", prefix.equals("ACM") ? "A2" : "B2", i), "Main store"));
            equipment.receive(new NewEquipment("MikroTik", "RBD52G-5HacD2HnD", prefix + "-RTR-" + (3000 + i),
                    String.format("DC:2C:6E:%s:00:%02X", prefix.equals("ACM") ? "A3" : "B3", i), "Main store"));
        }
        technicians.enrolExternal("Juma", "Otieno", "juma.otieno@" + slug + "-contractors.example", "+254711223344",
                "FibreLink Contractors");
    }

    @EventListener
    void printLogins(ApplicationReadyEvent ready) {
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        log.info("""

                ==========================================================================
                  ISPFlow is ready: http://localhost:{}/camunda/app/tasklist/
                  Cockpit:          http://localhost:{}/camunda/app/cockpit/
                  API:              http://localhost:{}/api/clients (HTTP Basic)
                  Demo logins (password '{}'): {}
                ==========================================================================""",
                port, port, port, DemoLogins.PASSWORD, String.join(", ", DemoLogins.all()));
    }

    /** The demo client's e-mail address, made from his name ("Wanjiku Kamau" → wanjiku.kamau@mail.example). */
    private static String emailOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "")
                + "@mail.example";
    }

    private static String capitalise(String slug) {
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }
}
