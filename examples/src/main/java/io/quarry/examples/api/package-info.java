/** Running SQL through the programmatic actor API, without HTTP. */
package io.quarry.examples.api;
