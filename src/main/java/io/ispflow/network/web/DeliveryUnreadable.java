package io.ispflow.network.web;

/** A delivery file that is no UTF-8 text. */
class DeliveryUnreadable extends RuntimeException {

    DeliveryUnreadable(String message) {
        super(message);
    }
}
