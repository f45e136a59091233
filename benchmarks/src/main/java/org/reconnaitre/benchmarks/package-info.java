/**
 * JMH benchmarks of the Reconnaître SDK, measured in the same run as a peer implementation (iron
 * 0.14.0). Not a library: nothing here is public API. See {@code benchmarks/README.md}.
 */
@NullMarked
package org.reconnaitre.benchmarks;

import org.jspecify.annotations.NullMarked;
