/**
 * One class per REST resource of the openLooKeng/Trino protocol; each builds one Akka HTTP route that
 * validates its input, asks {@link io.quarry.client.QuarryService} and maps the answer to wire DTOs. May use
 * {@code http.dto}, {@code http.error}, {@code http.header}, the settings record of {@code http.server},
 * {@code io.quarry.client} and Akka HTTP; never actor internals.
 */
package io.quarry.http.resource;
