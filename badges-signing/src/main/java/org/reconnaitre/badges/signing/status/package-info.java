/**
 * Credential status: W3C Bitstring Status List (revocation, suspension, message, multi-bit
 * entries), the older StatusList2021 and the 1EdTech Revocation List.
 * {@link org.reconnaitre.badges.signing.status.StatusLists} decodes;
 * {@link org.reconnaitre.badges.signing.status.StatusListCheck} (the verifier's default when a
 * fetcher is configured) fetches the list at
 * {@link org.reconnaitre.badges.signing.status.StatusEntry#listUrl()} through its
 * {@link org.reconnaitre.badges.signing.status.StatusListCache} and trusts it only when it verifies
 * in full as a credential of the credential's issuer, of the right type and purpose.
 *
 * <pre>{@code
 * for (StatusEntry entry : StatusLists.entries(credentialJson)) {
 *     String list = cache.get(entry.listUrl(), fetcher);      // then verify the list in full
 *     StatusResult r = StatusLists.check(entry, list, credentialId);
 *     if (r.isFailure()) System.out.println(r.message());
 * }
 * }</pre>
 *
 * <p>Every public type here is immutable or thread-safe, as its documentation says.
 */
@NullMarked
package org.reconnaitre.badges.signing.status;

import org.jspecify.annotations.NullMarked;
