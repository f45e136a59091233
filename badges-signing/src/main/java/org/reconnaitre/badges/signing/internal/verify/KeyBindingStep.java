package org.reconnaitre.badges.signing.internal.verify;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.signing.KeySource;

/**
 * Ties the key that verified the proof to the credential's issuer.
 *
 * <ul>
 *   <li>A verification method (proof {@code verificationMethod}, JWT {@code kid}) is bound when its
 *       controller equals the issuer id: a did:key / did:web DID URL whose DID is the issuer, a
 *       controller document that lists it, or the 1EdTech convention {@code https://issuer#z6Mk...}
 *       where the part before '#' is the issuer id. The last one binds with a warning: nothing but
 *       the URL vouches for that key, and anyone can write such a URL. A DID URL whose key could only be read from its fragment (the DID document
 *       was not available) is not bound: for a DID, only its document vouches for its keys.</li>
 *   <li>A key embedded in the JWT {@code jwk} header is bound when the issuer id is the did:key of
 *       that very key. Otherwise it is self-asserted: anyone can sign with their own key and name
 *       any issuer. That fails, unless the caller opted in to
 *       {@code Verifier.Builder.trustEmbeddedJwk(true)} (1EdTech validator behaviour), which
 *       downgrades it to a warning.</li>
 *   <li>An issuer id that no one can own or resolve ({@code urn:uuid:}, {@code urn:}) cannot be
 *       bound to any key: warning, not failure, since nothing better is possible.</li>
 * </ul>
 * Internal.
 */
final class KeyBindingStep implements Step {
    static final String ID = "key-binding";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        String issuer = ctx.issuerId();
        if (ctx.signers.isEmpty()) {
            ctx.skipped(ID, "Not checked: no signature was verified, so there is no key to tie to the issuer.");
            return;
        }
        if (issuer == null) {
            ctx.failed(ID, "The credential names no issuer id, so the signing key cannot be tied to an issuer.");
            return;
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        for (VerificationContext.Signer s : ctx.signers) {
            String controller = s.controller();
            if (s.source() == KeySource.EMBEDDED) {
                if (sameDidKey(issuer, s)) {
                    passes.add("the embedded key is the issuer's own did:key");
                } else if (unownable(issuer)) {
                    warnings.add("the issuer id " + issuer + " cannot be resolved, so nothing ties the embedded key to it");
                } else if (ctx.config.trustEmbeddedJwk()) {
                    warnings.add("the key in " + s.reference() + " is self-asserted: nothing shows it belongs to "
                            + issuer + " (accepted because trustEmbeddedJwk is on)");
                } else {
                    failures.add("the key in " + s.reference() + " is self-asserted: nothing shows it belongs to the issuer "
                            + issuer + " (use a kid that resolves to the issuer, or a did:key issuer)");
                }
            } else if (s.source() == KeySource.URL_FRAGMENT && controller != null && controller.startsWith("did:")) {
                failures.add("the key for " + s.reference() + " was read from the URL fragment, but only the DID document of "
                        + controller + " can vouch for a DID's key, and it could not be read (configure a fetcher to resolve it)");
            } else if (controller != null && controller.equals(issuer)) {
                if (s.source() == KeySource.URL_FRAGMENT) {
                    warnings.add("the key " + s.reference() + " is tied to the issuer only by the 1EdTech convention (the key is"
                            + " written in the URL fragment under the issuer id): no document from " + issuer
                            + " confirms it, so anyone could have written such a URL");
                } else {
                    passes.add("the key " + s.reference() + " is controlled by the issuer (" + describe(s.source()) + ")");
                }
            } else if (unownable(issuer)) {
                warnings.add("the issuer id " + issuer + " cannot be resolved, so the key " + s.reference()
                        + " (controller " + controller + ") cannot be tied to it");
            } else {
                failures.add("the key " + s.reference() + " is controlled by " + controller + ", not by the issuer " + issuer);
            }
        }
        if (!failures.isEmpty()) {
            ctx.failed(ID, capitalise(String.join("; ", failures)) + ".");
        } else if (!warnings.isEmpty()) {
            ctx.warning(ID, capitalise(String.join("; ", warnings)) + ".");
        } else {
            ctx.passed(ID, capitalise(String.join("; ", passes)) + ".");
        }
    }

    private static boolean sameDidKey(String issuer, VerificationContext.Signer s) {
        if (!issuer.startsWith("did:key:")) {
            return false;
        }
        try {
            return issuer.equals(s.key().didKey());
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static boolean unownable(@Nullable String issuer) {
        return issuer != null && issuer.startsWith("urn:");
    }

    private static String describe(KeySource source) {
        return switch (source) {
            case DID_KEY -> "did:key";
            case DID_WEB -> "did:web document";
            case CONTROLLER_DOCUMENT -> "controller document";
            case URL_FRAGMENT -> "URL fragment";
            case EMBEDDED -> "embedded key";
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
