/** Running the embedded default node inside a program. */
package io.quarry.examples.embedded;
