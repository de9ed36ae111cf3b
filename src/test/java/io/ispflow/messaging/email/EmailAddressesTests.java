package io.ispflow.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses are bare and strict: what a client or a company types as its own address, nothing else. */
class EmailAddressesTests {

    @Test
    void plainAddressesPass() {
        for (String address : new String[] {"billing@acme.co.ke", "first.last+tag@mail.example.com", "a@b.io"}) {
            assertThat(EmailAddresses.valid(address)).as(address).isTrue();
        }
    }

    @Test
    void anythingElseIsRefused() {
        for (String address : new String[] {"", " billing@acme.co.ke", "billing@", "@acme.co.ke", "billing@localhost",
                "a b@example.com", "Acme <billing@acme.co.ke>", "a@b.com, c@d.com", "billing@acme..co.ke",
                "billing@acme.co.ke.", "billing@[127.0.0.1]", "x@y.com\r\nBcc: z@w.com", "a".repeat(250) + "@b.com",
                "group:a@b.com;"}) {
            assertThat(EmailAddresses.valid(address)).as(address).isFalse();
        }
    }

    @Test
    void theHtmlPartEscapesEverythingTheTextSays() {
        String html = MailComposer.html("Dear <client>", "Hi & welcome <script>alert(1)</script>\n\n\"Quoted\" 'text'");
        assertThat(html).contains("<title>Dear &lt;client&gt;</title>")
                .contains("<p>Hi &amp; welcome &lt;script&gt;alert(1)&lt;/script&gt;</p>")
                .contains("<p>&quot;Quoted&quot; &#39;text&#39;</p>").doesNotContain("<script>");
    }
}
