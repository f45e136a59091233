/**
 * Issuer conformance kit: check the badges an issuer emits the way an Open Badges 3.0 verifier
 * (or a certification) would, from the issuer's own test suite.
 *
 * <pre>{@code
 * OpenBadgesAssertions.assertThat(signedJson).conformsToOpenBadges3().isSignedWith("eddsa-rdfc-2022");
 * }</pre>
 */
@NullMarked
package org.reconnaitre.badges.conformance;

import org.jspecify.annotations.NullMarked;
