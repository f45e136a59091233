/**
 * Competency frameworks (ESCO, ROME 4.0, 1EdTech CASE): loading, concepts, occupation proximity and
 * career transitions. Start with {@link org.reconnaitre.frameworks.Frameworks}. Every public type is
 * immutable and thread-safe unless its documentation says otherwise.
 */
@NullMarked
package org.reconnaitre.frameworks;

import org.jspecify.annotations.NullMarked;
