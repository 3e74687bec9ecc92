/**
 * The producer side of the page-pull protocol between tasks: bounded output buffers, one client buffer per
 * consumer partition, with token-based, idempotent reads. May use {@code page}, {@code spi} and the
 * interfaces of {@code exec}; no Akka.
 */
package io.quarry.exchange;
