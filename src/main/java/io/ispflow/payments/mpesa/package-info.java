/**
 * Payments by M-PESA through Safaricom's Daraja API: the company's paybill settings and credentials, STK
 * pushes and their status queries, paybill URL registration, and the intake of what Daraja posts back.
 * Its public types are what staff screens and other modules use.
 */
@org.springframework.modulith.NamedInterface("mpesa")
package io.ispflow.payments.mpesa;
