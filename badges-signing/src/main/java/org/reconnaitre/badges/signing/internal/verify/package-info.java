/**
 * The verifier pipeline: one small class per step (format, parse, context and type, schema, proof,
 * key binding, validity period, status, endorsements), sharing a per-call
 * {@link org.reconnaitre.badges.signing.internal.verify.VerificationContext}. Internal: not part of
 * the public API.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.verify;

import org.jspecify.annotations.NullMarked;
