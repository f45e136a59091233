/**
 * Baked image reading and writing (PNG chunks, SVG elements) behind
 * {@link org.reconnaitre.badges.model.Baking}. Internal: not part of the public API.
 */
@NullMarked
package org.reconnaitre.badges.model.internal.baking;

import org.jspecify.annotations.NullMarked;
