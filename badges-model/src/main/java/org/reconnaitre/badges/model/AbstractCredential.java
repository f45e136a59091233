package org.reconnaitre.badges.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared implementation of {@link Credential}. Package-private. */
abstract class AbstractCredential extends Node {

    AbstractCredential(JsonValue.ObjectValue json) {
        super(json);
    }

    public List<JsonValue> context() {
        return json.get("@context").map(JsonValue::asList).orElse(List.of());
    }

    public List<String> contextUrls() {
        List<String> out = new ArrayList<>();
        for (JsonValue v : context()) {
            v.asString().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    public DataModel dataModel() {
        List<String> urls = contextUrls();
        if (!urls.isEmpty()) {
            if (urls.get(0).equals(DataModel.VC_1_1.baseContext())) {
                return DataModel.VC_1_1;
            }
            if (urls.get(0).equals(DataModel.VC_2_0.baseContext())) {
                return DataModel.VC_2_0;
            }
        }
        return json.has("issuanceDate") && !json.has("validFrom") ? DataModel.VC_1_1 : DataModel.VC_2_0;
    }

    public Optional<LangString> name() {
        return lang("name");
    }

    public Optional<LangString> description() {
        return lang("description");
    }

    public Optional<Image> image() {
        return node("image", Image::new);
    }

    public Optional<Profile> issuer() {
        return node("issuer", Profile::new);
    }

    public Optional<OffsetDateTime> validFrom() {
        return dateTime(dataModel().validFromName());
    }

    public Optional<OffsetDateTime> validUntil() {
        return dateTime(dataModel().validUntilName());
    }

    public Optional<OffsetDateTime> awardedDate() {
        return dateTime("awardedDate");
    }

    public List<Evidence> evidence() {
        return nodes("evidence", Evidence::new);
    }

    public List<CredentialStatus> credentialStatus() {
        return nodes("credentialStatus", CredentialStatus::new);
    }

    public List<CredentialSchema> credentialSchema() {
        return nodes("credentialSchema", CredentialSchema::new);
    }

    public List<RefreshService> refreshService() {
        return nodes("refreshService", RefreshService::new);
    }

    public List<Proof> proof() {
        return nodes("proof", Proof::new);
    }

    public List<EndorsementCredential> endorsement() {
        return nodes("endorsement", EndorsementCredential::new);
    }

    final JsonValue.ObjectValue jsonWithProof(Proof proof) {
        java.util.Objects.requireNonNull(proof, "proof");
        JsonValue existing = json.get("proof").orElse(null);
        if (existing == null) {
            return json.with("proof", proof.json());
        }
        List<JsonValue> all = new ArrayList<>(existing.asList());
        all.add(proof.json());
        return json.with("proof", new JsonValue.ArrayValue(all));
    }

    public List<String> endorsementJwt() {
        return strings("endorsementJwt");
    }
}
