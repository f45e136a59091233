/**
 * Keys, DIDs, proofs and verification of Open Badges credentials.
 *
 * <p>Entry points: {@link org.reconnaitre.badges.signing.SigningKey} and
 * {@link org.reconnaitre.badges.signing.VerificationKey} for keys,
 * {@link org.reconnaitre.badges.signing.DidKey} and {@link org.reconnaitre.badges.signing.KeyResolver}
 * for identifiers, {@link org.reconnaitre.badges.signing.DataIntegrity} for Data Integrity proofs.
 */
@NullMarked
package org.reconnaitre.badges.signing;

import org.jspecify.annotations.NullMarked;
