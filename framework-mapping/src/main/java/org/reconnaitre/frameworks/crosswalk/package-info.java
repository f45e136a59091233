/**
 * SKOS crosswalks between frameworks: mappings, SSSOM TSV, inverse, composition, conflicts and
 * label-based candidate mappings. Every public type is immutable and thread-safe unless documented.
 */
@NullMarked
package org.reconnaitre.frameworks.crosswalk;

import org.jspecify.annotations.NullMarked;
