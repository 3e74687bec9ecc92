/** Forming a cluster of a coordinator and workers from seed nodes. */
package io.quarry.examples.cluster;
