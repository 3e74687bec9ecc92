/**
 * The protocol's request and response headers: prefix detection ({@code X-Presto-} or {@code X-Trino-}),
 * parsing and validation of the session headers into {@link io.quarry.client.ClientSession}, and rendering
 * of session updates as response headers. May use {@code http.error}, {@code http.dto} (size and duration
 * text), {@code io.quarry.client} and Akka HTTP's header model.
 */
package io.quarry.http.header;
