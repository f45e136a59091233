/**
 * The verifier pipeline: one small class per step (format, parse, context and type, schema, proof,
 * signed data, key binding, recipient, validity period, status, endorsements, nested credentials),
 * sharing a per-call {@link org.reconnaitre.badges.signing.internal.verify.VerificationContext}.
 * Internal: not part of the public API.
 *
 * <h2>Deciding from what was signed</h2>
 *
 * An RDFC proof signs an RDF graph, and JSON-LD writes one graph in many JSON forms; the steps read
 * the credential's JSON by its compact terms. Two designs keep every decision on the signed data:
 * compact the verified (expanded) data against the bundled contexts and read that, or check that
 * the JSON read by term says what the signed graph says. We chose the second
 * ({@link org.reconnaitre.badges.signing.internal.verify.SignedDataStep}) because it keeps the
 * verifier fast: a credential in the plain form of its bundled contexts (string contexts only, no
 * keyword but {@code @context}, no IRI as a key, no {@code null}) is read by term exactly as the
 * graph says — the bundled contexts give every decision term one protected IRI that no other term
 * shares — so it costs one walk of the JSON tree and no JSON-LD work; only the rare other forms pay
 * one RDF conversion, whose facts (issuer, types, dates, status entries, subjects) are compared with
 * the JSON, and a difference rejects the credential. Compaction would cost a Titanium pass on every
 * verification (about a millisecond, several signature checks) for nothing the comparison misses.
 *
 * <h2>Failing closed</h2>
 *
 * {@link org.reconnaitre.badges.signing.internal.verify.Pipeline} turns every skipped check that a
 * step did not declare not applicable into a failure, so a check that could not run (no fetcher, a
 * limit, an unsupported method) can never leave a report valid.
 */
@NullMarked
package org.reconnaitre.badges.signing.internal.verify;

import org.jspecify.annotations.NullMarked;
