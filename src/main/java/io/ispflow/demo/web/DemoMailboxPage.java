package io.ispflow.demo.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.demo.DemoMailbox;

/** For the demo only (default profile): the e-mails the demo's SMTP server received, for this machine only. */
@RestController
@Profile("default")
class DemoMailboxPage {

    private final DemoMailbox mailbox;

    DemoMailboxPage(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/simulator/mailbox")
    List<DemoMailbox.Received> received() {
        return mailbox.received();
    }

    @ModelAttribute
    void fromThisMachineOnly(HttpServletRequest request) {
        ThisMachineOnly.check(request, "mailbox");
    }
}
