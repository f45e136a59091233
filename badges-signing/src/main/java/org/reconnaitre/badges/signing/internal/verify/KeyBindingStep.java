package org.reconnaitre.badges.signing.internal.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.id.InvalidIdentifierException;

/**
 * Ties the key that verified the proof to the credential's issuer. A key counts as the issuer's
 * only when the issuer's own document lists it for issuing credentials; identifiers are compared
 * with the {@link Identifier} parser (its case and percent-encoding rules), never as strings.
 *
 * <ul>
 *   <li>A resolved verification method (proof {@code verificationMethod}, JWT {@code kid}) is bound
 *       when its controller — the identifier of the document it was read from (the did:key itself,
 *       the fetched did:web DID document, the fetched or supplied controller document), never a
 *       {@code controller} value the method claims — is the issuer id, and that document lists it
 *       under {@code assertionMethod} (a did:key's key always is). A method listed only under
 *       {@code authentication}, {@code capabilityInvocation} and the like, or whose own
 *       {@code controller} names another identifier, fails.</li>
 *   <li>A key read only from the fragment of a URL ({@code https://issuer#z6Mk...}, a {@code kid} of
 *       {@code #z6Mk...}), because the issuer's document was not available or the resolver was told
 *       to, fails: no document vouches for it and anyone can write such a URL. With
 *       {@code Verifier.Builder.allowUnboundFragmentKeys(true)} (1EdTech compatibility) a fragment
 *       key under the issuer's own http(s) URL is a warning instead. A key in the fragment of a DID
 *       URL always fails: only the DID document speaks for a DID.</li>
 *   <li>A key embedded in the JWT {@code jwk} header is bound when the issuer id is the did:key of
 *       that very key. Otherwise it is self-asserted: anyone can sign with their own key and name
 *       any issuer. That fails, unless the caller opted in to
 *       {@code Verifier.Builder.trustEmbeddedJwk(true)} (1EdTech validator behaviour), which
 *       downgrades it to a warning.</li>
 *   <li>An issuer id that cannot be resolved ({@code urn:uuid:...}) or is not a valid identifier
 *       cannot be bound to any key: failure, not warning (only the {@code trustEmbeddedJwk} opt-in
 *       above keeps its warning).</li>
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
        String issuerText = ctx.issuerId();
        if (ctx.signers.isEmpty()) {
            ctx.skipped(ID, "Not checked: no signature was verified, so there is no key to tie to the issuer.");
            return;
        }
        if (issuerText == null) {
            ctx.failed(ID, "The credential names no issuer id, so the signing key cannot be tied to an issuer.");
            return;
        }
        Identifier issuer;
        try {
            issuer = Identifier.parse(issuerText);
        } catch (InvalidIdentifierException e) {
            ctx.failed(ID, "The issuer id is not a valid identifier (" + e.getMessage()
                    + "), so no key can be tied to it.");
            return;
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        for (VerificationContext.Signer s : ctx.signers) {
            Optional<Identifier> controller = Identifier.tryParse(s.controller());
            if (s.source() == KeySource.EMBEDDED) {
                if (sameDidKey(issuer, s)) {
                    passes.add("the embedded key is the issuer's own did:key");
                } else if (ctx.config.trustEmbeddedJwk()) {
                    warnings.add("the key in " + s.reference() + " is self-asserted: nothing shows it belongs to "
                            + issuer + " (accepted because trustEmbeddedJwk is on)");
                } else {
                    failures.add("the key in " + s.reference() + " is self-asserted: nothing shows it belongs to the issuer "
                            + issuer + unresolvable(issuer) + " (use a kid that resolves to the issuer, or a did:key issuer)");
                }
            } else if (s.source() == KeySource.URL_FRAGMENT) {
                fragmentKey(ctx, issuer, controller, s, failures, warnings);
            } else if (issuer.kind() == Identifier.Kind.OTHER) {
                failures.add("the issuer id " + issuer + " cannot be resolved to a document, so nothing ties the key "
                        + s.reference() + " to it (an issuer that signs should use a did:key, did:web or https id)");
            } else if (controller.isEmpty() || !controller.get().equals(issuer)) {
                failures.add("the key " + s.reference() + " was read from the document of "
                        + (controller.isPresent() ? controller.get() : s.controller()) + ", not from the issuer's own"
                        + " document (" + issuer + "): a document speaks only for itself, whatever controller a method claims");
            } else if (!s.assertionMethod()) {
                failures.add("the issuer's document (" + describe(s.source()) + ") lists the key " + s.reference()
                        + " but does not authorise it to issue credentials: it is not under assertionMethod (it may be"
                        + " only for authentication or similar uses, or it names another controller)");
            } else {
                passes.add("the key " + s.reference() + " is listed for assertionMethod by the issuer's own "
                        + describe(s.source()));
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

    private static void fragmentKey(VerificationContext ctx, Identifier issuer, Optional<Identifier> controller,
            VerificationContext.Signer s, List<String> failures, List<String> warnings) {
        if (controller.isPresent() && controller.get().isDid()) {
            failures.add("the key for " + s.reference() + " was read from the URL fragment, but only the DID document of "
                    + controller.get() + " can vouch for a DID's key, and it could not be read (configure a fetcher"
                    + " that reaches it)");
        } else if (issuer.kind() == Identifier.Kind.OTHER) {
            failures.add("the issuer id " + issuer + " cannot be resolved to a document, so nothing ties the key "
                    + s.reference() + ", written in a URL fragment, to it");
        } else if (controller.isEmpty() || !controller.get().equals(issuer)) {
            failures.add("the key " + s.reference() + " is written in the fragment of "
                    + (controller.isPresent() ? controller.get() : s.controller()) + ", not under the issuer id " + issuer);
        } else if (ctx.config.allowUnboundFragmentKeys()) {
            warnings.add("the key " + s.reference() + " is tied to the issuer only by the 1EdTech convention (the key is"
                    + " written in the URL fragment under the issuer id): no document from " + issuer
                    + " confirms it, so anyone could have written such a URL (accepted because allowUnboundFragmentKeys is on)");
        } else {
            failures.add("the key " + s.reference() + " is only written in the fragment of the issuer's URL: the issuer's"
                    + " document " + issuer + " was not read or does not list it under assertionMethod, and anyone can"
                    + " write a key into a URL (let the fetcher reach " + issuer.host().orElse(issuer.resource())
                    + " so the issuer's document can confirm the key, or turn on allowUnboundFragmentKeys to accept the"
                    + " 1EdTech convention)");
        }
    }

    private static boolean sameDidKey(Identifier issuer, VerificationContext.Signer s) {
        if (!issuer.isDid("key") || !issuer.isBareDid()) {
            return false;
        }
        try {
            return issuer.equals(Identifier.parse(s.key().didKey()));
        } catch (IllegalStateException | InvalidIdentifierException e) {
            return false;
        }
    }

    /** @return a remark when the issuer id is of a kind no document can be resolved for, else "" */
    private static String unresolvable(Identifier issuer) {
        return issuer.kind() == Identifier.Kind.OTHER
                ? " (the issuer id " + issuer + " cannot be resolved to a document, so no key can be tied to it)" : "";
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
