/** Internal helpers shared by the signing module's internal packages. Not part of the public API. */
@NullMarked
package org.reconnaitre.badges.signing.internal;

import org.jspecify.annotations.NullMarked;
