package io.ispflow.payments;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.WalletLedger;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.platform.TenantContext;
import io.ispflow.shared.Nairobi;
import io.ispflow.tenancy.Companies;

/** The PDF receipt of a payment (seed: generate-receipt), with Nairobi dates and KES amounts. */
@Service
public class Receipts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font PLAIN = new Font(Font.HELVETICA, 10);

    private final ClientDirectory clients;
    private final Companies companies;
    private final WalletLedger ledger;

    Receipts(ClientDirectory clients, Companies companies, WalletLedger ledger) {
        this.clients = clients;
        this.companies = companies;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public byte[] pdf(Payment payment) {
        var client = clients.find(payment.clientId()).orElseThrow();
        var company = companies.find(TenantContext.requireCompanyId()).orElseThrow();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A5, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Receipt " + payment.receiptNumber());
        document.open();
        document.add(new Paragraph(company.name(), TITLE));
        document.add(new Paragraph("Official receipt " + payment.receiptNumber(), BOLD));
        document.add(new Paragraph(" "));
        var table = new PdfPTable(new float[] {2, 3});
        table.setWidthPercentage(100);
        row(table, "Date", payment.paidAt() == null ? "" : WHEN.format(payment.paidAt().atZone(Nairobi.ZONE)) + " (EAT)");
        row(table, "Received from", client.name());
        row(table, "Account number", client.accountNumber());
        row(table, "Amount", kes(payment.amount()));
        row(table, "Paid by", switch (payment.method()) {
            case MPESA -> "M-PESA " + payment.mpesaReceiptNumber();
            case BANK -> "Bank transfer " + payment.reference();
            case CASH -> "Cash";
            case WALLET -> "Wallet";
        });
        for (var settled : payment.settled()) {
            row(table, "Paid on invoice " + settled.invoiceNumber(), kes(settled.amount()));
        }
        row(table, "Wallet balance now", kes(ledger.balance(payment.clientId())));
        document.add(table);
        document.add(new Paragraph(" "));
        var thanks = new Paragraph("Asante! Thank you for your payment.", PLAIN);
        thanks.setAlignment(Element.ALIGN_CENTER);
        document.add(thanks);
        document.close();
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(new Paragraph(label, BOLD));
        table.addCell(new Paragraph(value, PLAIN));
    }

    static String kes(BigDecimal amount) {
        var format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "KES " + format.format(amount);
    }
}
