package org.reconnaitre.badges.model;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shared builder of the three credential types. Package-private; its public methods are part of
 * each credential builder's API. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
abstract class CredentialBuilder<B extends CredentialBuilder<B>> extends NodeBuilder<B> {
    DataModel dataModel = DataModel.VC_2_0;

    CredentialBuilder(@Nullable AbstractCredential from) {
        super(from == null ? null : from.json());
        if (from != null) {
            dataModel = from.dataModel();
            rename(DataModel.VC_1_1, DataModel.VC_2_0);
        }
    }

    /**
     * Chooses the VC data model: VC 2.0 (the default) or VC 1.1, which changes the base
     * {@code @context} and the names of the validity dates when the credential is built.
     *
     * @param model the data model
     * @return this builder
     */
    public B dataModel(DataModel model) {
        this.dataModel = java.util.Objects.requireNonNull(model, "model");
        return self();
    }

    /**
     * Replaces the {@code @context}; by default it is the data model's base context followed by
     * the Open Badges 3.0.3 context (and, for CLR, the CLR 2.0.1 context before it).
     *
     * @param urls the context URLs, the base context first
     * @return this builder
     */
    public B context(List<String> urls) {
        List<JsonValue> list = new ArrayList<>();
        for (String u : urls) {
            list.add(JsonValue.of(u));
        }
        return property("@context", new JsonValue.ArrayValue(list));
    }

    /**
     * @param name the {@code name}
     * @return this builder
     */
    public B name(String name) {
        java.util.Objects.requireNonNull(name, "name");
        return text("name", name);
    }

    /**
     * @param name the {@code name}, possibly in several languages
     * @return this builder
     */
    public B name(LangString name) {
        java.util.Objects.requireNonNull(name, "name");
        return lang("name", name);
    }

    /**
     * @param description the {@code description}
     * @return this builder
     */
    public B description(String description) {
        java.util.Objects.requireNonNull(description, "description");
        return text("description", description);
    }

    /**
     * @param description the {@code description}, possibly in several languages
     * @return this builder
     */
    public B description(LangString description) {
        java.util.Objects.requireNonNull(description, "description");
        return lang("description", description);
    }

    /**
     * @param image the {@code image}
     * @return this builder
     */
    public B image(Image image) {
        java.util.Objects.requireNonNull(image, "image");
        return node("image", image);
    }

    /**
     * @param issuer the issuer {@link Profile}, embedded
     * @return this builder
     */
    public B issuer(Profile issuer) {
        java.util.Objects.requireNonNull(issuer, "issuer");
        return node("issuer", issuer);
    }

    /**
     * @param issuer the issuer's id only (a DID or URL)
     * @return this builder
     */
    public B issuer(URI issuer) {
        java.util.Objects.requireNonNull(issuer, "issuer");
        return uri("issuer", issuer);
    }

    /**
     * @param validFrom start of validity ({@code validFrom}, or {@code issuanceDate} in VC 1.1)
     * @return this builder
     */
    public B validFrom(Instant validFrom) {
        java.util.Objects.requireNonNull(validFrom, "validFrom");
        return date("validFrom", validFrom);
    }

    /**
     * @param validFrom start of validity ({@code validFrom}, or {@code issuanceDate} in VC 1.1)
     * @return this builder
     */
    public B validFrom(OffsetDateTime validFrom) {
        java.util.Objects.requireNonNull(validFrom, "validFrom");
        return date("validFrom", validFrom);
    }

    /**
     * @param validUntil end of validity; {@code null} removes it
     * @return this builder
     */
    public B validUntil(@Nullable Instant validUntil) {
        return date("validUntil", validUntil);
    }

    /**
     * @param validUntil end of validity; {@code null} removes it
     * @return this builder
     */
    public B validUntil(@Nullable OffsetDateTime validUntil) {
        return date("validUntil", validUntil);
    }

    /**
     * @param awardedDate the {@code awardedDate}
     * @return this builder
     */
    public B awardedDate(@Nullable Instant awardedDate) {
        return date("awardedDate", awardedDate);
    }

    /**
     * @param evidence the {@code evidence} entries (written as an array)
     * @return this builder
     */
    public B evidence(List<Evidence> evidence) {
        return nodes("evidence", evidence);
    }

    /**
     * @param status the {@code credentialStatus}
     * @return this builder
     */
    public B credentialStatus(@Nullable CredentialStatus status) {
        return node("credentialStatus", status);
    }

    /**
     * @param schemas the {@code credentialSchema} entries (written as an array)
     * @return this builder
     */
    public B credentialSchema(List<CredentialSchema> schemas) {
        return nodes("credentialSchema", schemas);
    }

    /**
     * @param service the {@code refreshService}
     * @return this builder
     */
    public B refreshService(@Nullable RefreshService service) {
        return node("refreshService", service);
    }

    /**
     * @param endorsements embedded {@code endorsement} credentials (written as an array)
     * @return this builder
     */
    public B endorsement(List<EndorsementCredential> endorsements) {
        return nodes("endorsement", endorsements);
    }

    /**
     * @param proofs the {@code proof}s; a single proof is written as an object, several as an
     *     array, none removes the property
     * @return this builder
     */
    public B proof(List<Proof> proofs) {
        if (proofs.size() == 1) {
            return node("proof", proofs.get(0));
        }
        return nodes("proof", proofs);
    }

    private void rename(DataModel from, DataModel to) {
        if (from == to) {
            return;
        }
        Map<String, JsonValue> renamed = new LinkedHashMap<>();
        members.forEach((k, v) -> {
            String key = k.equals(from.validFromName()) ? to.validFromName()
                    : k.equals(from.validUntilName()) ? to.validUntilName() : k;
            // A document that has both names keeps both, unrenamed.
            renamed.put(members.containsKey(key) && !key.equals(k) ? k : key, v);
        });
        members.clear();
        members.putAll(renamed);
    }

    /** Completes the defaults and checks what every credential needs; returns the JSON. */
    final JsonValue.ObjectValue finish(String kind, List<String> extraContexts, String... defaultTypes) {
        JsonValue ctx = members.get("@context");
        if (ctx == null) {
            List<String> urls = new ArrayList<>();
            urls.add(dataModel.baseContext());
            urls.addAll(extraContexts);
            context(urls);
        } else {
            // Switching the data model of an existing credential swaps its base context too.
            List<JsonValue> list = new ArrayList<>(ctx.asList());
            DataModel other = dataModel == DataModel.VC_2_0 ? DataModel.VC_1_1 : DataModel.VC_2_0;
            if (!list.isEmpty() && list.get(0).asString().map(other.baseContext()::equals).orElse(false)) {
                list.set(0, JsonValue.of(dataModel.baseContext()));
                property("@context", ctx instanceof JsonValue.ArrayValue ? new JsonValue.ArrayValue(list) : list.get(0));
            }
        }
        defaultType(defaultTypes);
        require(kind, "id", "issuer", "validFrom", "credentialSubject");
        var from = text(members.get("validFrom"));
        var until = text(members.get("validUntil"));
        if (from.isPresent() && until.isPresent() && from.get().isAfter(until.get())) {
            throw new IllegalStateException(kind + ": validUntil " + until.get() + " is before validFrom " + from.get());
        }
        rename(DataModel.VC_2_0, dataModel);
        JsonValue.ObjectValue out = object();
        rename(dataModel, DataModel.VC_2_0);
        return out;
    }

    private static java.util.Optional<OffsetDateTime> text(@Nullable JsonValue v) {
        return v == null ? java.util.Optional.empty()
                : v.asString().flatMap(org.reconnaitre.badges.model.internal.mapping.Lexical::rfc3339);
    }
}
