/**
 * Client e-mail over SMTP: each company's mail account (password encrypted), the Camel route that hands
 * a message to the company's SMTP server, and the dispatcher that takes queued e-mails to it with
 * retries and back-off. Its public types are what staff screens and other modules use.
 */
@org.springframework.modulith.NamedInterface("email")
package io.ispflow.messaging.email;
