/**
 * The JSON documents of the wire protocol (QueryResults, ServerInfo, NodeStatus, …) as Jackson records with
 * the protocol's field names, the value encoders of result rows, and airlift-style duration and data-size
 * text. May use {@code io.quarry.client}, {@code type}, {@code block}, {@code page}, {@code spi} and Jackson;
 * no Akka.
 */
package io.quarry.http.dto;
