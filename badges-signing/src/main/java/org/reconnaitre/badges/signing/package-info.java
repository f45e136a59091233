/**
 * Keys, DIDs, proofs and verification of Open Badges credentials.
 *
 * <p>Entry points: {@link org.reconnaitre.badges.signing.SigningKey} and
 * {@link org.reconnaitre.badges.signing.VerificationKey} for keys,
 * {@link org.reconnaitre.badges.signing.DidKey} and {@link org.reconnaitre.badges.signing.KeyResolver}
 * for identifiers, {@link org.reconnaitre.badges.signing.DataIntegrity} for Data Integrity proofs,
 * {@link org.reconnaitre.badges.signing.Verifier} for verification: Open Badges 3.0 / CLR 2.0
 * credentials and Open Badges 2.0 assertions (hosted or signed, with their extension nodes checked
 * against their extension's JSON Schema and their endorsements verified in turn; OB 0.5 / 1.x
 * documents are upgraded on read). {@link org.reconnaitre.badges.signing.Verifier#forRecipient}
 * with an {@link org.reconnaitre.badges.signing.ExpectedRecipient} also checks who a badge was
 * awarded to.
 */
@NullMarked
package org.reconnaitre.badges.signing;

import org.jspecify.annotations.NullMarked;
