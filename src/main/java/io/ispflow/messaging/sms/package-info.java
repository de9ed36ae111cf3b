/**
 * Client SMS through Africa's Talking: each company's gateway account (API key encrypted), the Camel
 * route that sends, the dispatcher that takes queued messages to it with retries and back-off, the
 * count of segments an SMS costs, and the intake of delivery reports. Its public types are what staff
 * screens and other modules use.
 */
@org.springframework.modulith.NamedInterface("sms")
package io.ispflow.messaging.sms;
