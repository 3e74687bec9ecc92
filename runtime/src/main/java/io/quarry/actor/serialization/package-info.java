/**
 * Quarry's wire format for actor messages and pages: an Akka serializer over Kryo with one fixed table of
 * registrations, and a dedicated columnar encoding of pages (also used by the HTTP results route). The
 * only package that imports Kryo; it may use every runtime package whose records travel between nodes.
 */
package io.quarry.actor.serialization;
