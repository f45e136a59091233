package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;

/** Issue #12, class 5: the mandatory pointers the signer adds, and the verifier's rule on disclosed credentials. */
class EcdsaSd2023MandatoryTest {

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) Json.parse(json);
    }

    @Test
    void theDecisionPointersPresentAreAddedUnlessCovered() throws Exception {
        ObjectNode d = doc("{\"type\":[\"VerifiableCredential\"],\"issuer\":\"did:example:i\",\"validUntil\":\"2030-01-01T00:00:00Z\","
                + "\"expirationDate\":\"2030-01-01T00:00:00Z\",\"credentialStatus\":[{\"id\":\"urn:s:1\"},{\"id\":\"urn:s:2\"}],"
                + "\"credentialSubject\":[{\"id\":\"did:example:s\",\"achievement\":{\"id\":\"urn:a\",\"type\":\"Achievement\"}},"
                + "{\"name\":\"no id\"}]}");
        assertThat(EcdsaSd2023.withDecisionPointers(d, List.of("/issuer", "/credentialSubject/0/achievement")))
                .containsExactly("/issuer", "/credentialSubject/0/achievement", "/validUntil", "/expirationDate",
                        "/credentialStatus", "/credentialSubject/0/id");
        // absent members are not pointed at; a caller list that covers everything is unchanged (the W3C vector)
        ObjectNode vector = doc("{\"type\":[\"VerifiableCredential\"],\"issuer\":\"https://vc.example/x\","
                + "\"credentialSubject\":{\"sailNumber\":\"Earth101\"}}");
        List<String> mandatory = List.of("/issuer", "/credentialSubject/sailNumber");
        assertThat(EcdsaSd2023.withDecisionPointers(vector, mandatory)).isEqualTo(mandatory);
        // nothing else to point at: the type
        assertThat(EcdsaSd2023.withDecisionPointers(doc("{\"type\":\"VerifiableCredential\",\"name\":\"x\"}"), List.of()))
                .containsExactly("/type");
    }

    private static final String S = "_:c14n0";
    private static final String TYPE_VC = S + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
            + " <https://www.w3.org/2018/credentials#VerifiableCredential> .\n";
    private static final String TYPE_OB = S + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
            + " <https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential> .\n";
    private static final String ISSUER = S + " <https://www.w3.org/2018/credentials#issuer> <did:example:i> .\n";
    private static final String NAME = S + " <https://schema.org/name> \"a b c\" .\n";

    @Test
    void aDisclosedCredentialMustHaveItsIssuerAndTypesMandatory() throws Exception {
        EcdsaSd2023.checkIdentityMandatory(List.of(TYPE_VC, TYPE_OB, ISSUER), List.of(NAME));
        for (List<List<String>> split : List.of(
                List.of(List.of(TYPE_VC, TYPE_OB), List.of(ISSUER, NAME)),
                List.of(List.of(TYPE_VC, ISSUER), List.of(TYPE_OB, NAME)),
                List.of(List.of(ISSUER), List.of(TYPE_VC, TYPE_OB)),
                List.of(List.<String>of(), List.of(TYPE_VC, TYPE_OB, ISSUER, NAME)),
                List.of(List.of(TYPE_VC, TYPE_OB), List.of(NAME)))) {
            assertThatThrownBy(() -> EcdsaSd2023.checkIdentityMandatory(split.get(0), split.get(1)))
                    .as(split.toString()).isInstanceOf(ProofFailure.class).hasMessageContaining("mandatory");
        }
        // a document that is not a credential (no VerifiableCredential type, no issuer) is not concerned
        EcdsaSd2023.checkIdentityMandatory(List.of(), List.of(NAME));
    }
}
