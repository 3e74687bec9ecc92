/**
 * The HTTP server of a Quarry node: its settings, the composition of all resources into one route
 * ({@link io.quarry.http.server.ApiRoutes}) and the binding ({@link io.quarry.http.server.HttpServer}). May use
 * every other {@code io.quarry.http} package, {@code io.quarry.client} and Akka HTTP.
 */
package io.quarry.http.server;
