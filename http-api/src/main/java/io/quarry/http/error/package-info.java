/**
 * How the HTTP layer answers mistakes and failures: one-line {@code text/plain} bodies for 4xx, a generic
 * 500 for internal errors (logged once with the stack, never sent), rejection handling for unknown routes
 * (404) and wrong methods (405). May use {@code io.quarry.spi} and Akka HTTP.
 */
package io.quarry.http.error;
