package io.ispflow.network.web;

/** A delivery file over the size or line limit; nothing of it is read. */
class DeliveryTooLarge extends RuntimeException {

    DeliveryTooLarge() {
        super("A delivery may have at most " + DeliveryCsv.MAX_LINES + " items and " + DeliveryCsv.MAX_BYTES / 1024
                + " KiB; split it into several.");
    }
}
