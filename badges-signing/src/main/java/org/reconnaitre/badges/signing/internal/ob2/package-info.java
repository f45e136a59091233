/**
 * Open Badges 2.0 verification (hosted and signed assertions, BadgeClass and Issuer documents),
 * reached through {@code Verifier.verify}. Not part of the public API.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.ob2;

import org.jspecify.annotations.NullMarked;
