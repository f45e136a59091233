package org.reconnaitre.badges.signing.internal.di;

import com.apicatalog.jsonld.loader.DocumentLoader;

/**
 * Limits for one canonicalisation: how many quads, how long, and where contexts come from.
 * Internal. Immutable.
 *
 * @param maxQuads the largest number of RDF quads canonicalised
 * @param timeoutMillis wall-clock budget for expansion, RDF conversion and RDFC-1.0
 * @param loader the document loader (bundled contexts, optionally with the caller's fallback)
 */
public record Budget(int maxQuads, long timeoutMillis, DocumentLoader loader) {}
