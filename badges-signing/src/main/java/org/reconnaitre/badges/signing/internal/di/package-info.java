/**
 * Internal: W3C Data Integrity proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022,
 * Ed25519Signature2020 verification), JSON-LD to RDF through Titanium with the bundled-context
 * loader, RDFC-1.0 ({@code Rdfc10}, our own: titanium-rdfc 2.0.0 labels some blank nodes differently from rdf-canonize) under a quad and time budget, JCS. Not part of the public API.
 *
 * <p>Bounded work: a {@code Budget} carries one absolute deadline for a whole sign or verify call
 * (for {@code Verifier}, the deadline of the whole verification); Titanium reads the document
 * through a deadline-checking view ({@code BoundedJson}, in the model), because its own timeout is
 * not checked while it processes a context; inline contexts are bounded before processing
 * ({@code InlineContexts}); at most four proofs are checked.
 *
 * <p>One canonical text per graph: {@code NQuads} writes every term exactly as the N-Quads grammar
 * allows and refuses (never drops) an IRI, blank node label or language tag it cannot carry, so two
 * different datasets never sign the same bytes; its strict parser reads the text back in tests.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.di;

import org.jspecify.annotations.NullMarked;
