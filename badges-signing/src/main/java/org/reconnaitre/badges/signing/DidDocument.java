package org.reconnaitre.badges.signing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.reconnaitre.badges.signing.internal.id.Identifier;

/**
 * A resolved DID document, reduced to what proof verification needs: its verification methods and
 * which of them may be used for assertions (signing credentials) and authentication.
 *
 * <pre>{@code
 * DidDocument doc = DidKey.resolve("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
 * VerificationMethod vm = doc.verificationMethods().get(0);
 * boolean canIssue = doc.assertionMethod().contains(vm.id());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the DID
 * @param verificationMethods the verification methods, in document order
 * @param assertionMethod ids of the methods allowed for {@code assertionMethod} proofs
 * @param authentication ids of the methods allowed for {@code authentication} proofs
 */
public record DidDocument(String id, List<VerificationMethod> verificationMethods, List<String> assertionMethod,
        List<String> authentication) {
    /** Copies the lists. */
    public DidDocument {
        Objects.requireNonNull(id, "id");
        verificationMethods = List.copyOf(verificationMethods);
        assertionMethod = List.copyOf(assertionMethod);
        authentication = List.copyOf(authentication);
    }

    /**
     * @param verificationMethodId an absolute method URL (compared as DID Core and RFC 3986 say, so
     *     {@code did:web:Example.com#k} finds {@code did:web:example.com#k}; an invalid id finds nothing)
     * @return the method with that id
     */
    public Optional<VerificationMethod> find(String verificationMethodId) {
        return verificationMethods.stream().filter(m -> Identifier.same(m.id(), verificationMethodId)).findFirst();
    }
}
