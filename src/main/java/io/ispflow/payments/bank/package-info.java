/**
 * Payments by bank transfer: the company's collections account and signing secret, and the intake of the
 * bank's signed validations and payment notifications.
 */
package io.ispflow.payments.bank;
