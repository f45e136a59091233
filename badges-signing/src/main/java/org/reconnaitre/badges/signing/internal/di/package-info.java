/**
 * Internal: W3C Data Integrity proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022,
 * Ed25519Signature2020 verification), JSON-LD to RDF through Titanium with the bundled-context
 * loader, RDFC-1.0 ({@code Rdfc10}, our own: titanium-rdfc 2.0.0 labels some blank nodes differently from rdf-canonize) under a quad and time budget, JCS. Not part of the public API.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.di;

import org.jspecify.annotations.NullMarked;
