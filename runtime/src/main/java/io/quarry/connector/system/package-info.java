/** The {@code system} connector: tables over the live state of the cluster. Uses {@code spi} only. */
package io.quarry.connector.system;
