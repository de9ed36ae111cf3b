/**
 * Messaging among staff: notifications (read by their addressee only), internal messages with threads
 * and replies, and their attachments (size-limited, typed from their bytes, stored with a checksum).
 * Row-level security keeps each to its addressee or to sender and recipient, keyed on the staff member
 * of the transaction ({@code current_user_id()}).
 */
package io.ispflow.messaging.staff;
