package org.reconnaitre.badges.model.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.reconnaitre.badges.model.Validator.DocumentKind;

/** Tells the kind of a document from its {@code type} and {@code @context}. */
final class Kinds {
    private static final Set<String> OB2_TYPES = Set.of("Assertion", "BadgeClass", "Issuer", "Endorsement",
            "CryptographicKey", "RevocationList", "AlignmentObject", "Criteria", "Extension", "Image", "Evidence",
            "IdentityObject", "VerificationObject");

    private Kinds() {}

    static DocumentKind of(JsonNode doc) {
        if (!doc.isObject()) {
            return DocumentKind.UNKNOWN;
        }
        Set<String> types = Nodes.types(doc);
        List<String> ctx = Nodes.contextUrls(doc);
        if (types.contains("VerifiablePresentation")) {
            return DocumentKind.VERIFIABLE_PRESENTATION;
        }
        if (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")) {
            return DocumentKind.OPEN_BADGE_CREDENTIAL;
        }
        if (types.contains("EndorsementCredential")) {
            return DocumentKind.ENDORSEMENT_CREDENTIAL;
        }
        if (types.contains("ClrCredential")) {
            return DocumentKind.CLR_CREDENTIAL;
        }
        boolean vcContext = ctx.contains(Nodes.VC2) || ctx.contains(Nodes.VC1);
        if (types.contains("VerifiableCredential")) {
            return DocumentKind.VERIFIABLE_CREDENTIAL;
        }
        boolean ob3 = ctx.stream().anyMatch(u -> Nodes.OB3_CONTEXT.matcher(u).matches());
        if (types.contains("Profile") && (ob3 || ctx.isEmpty())) {
            return DocumentKind.PROFILE;
        }
        if (vcContext) {
            boolean presentationLike = types.stream().anyMatch(t -> t.endsWith("Presentation"))
                    || (doc.has("verifiableCredential") || doc.has("holder")) && !doc.has("credentialSubject");
            return presentationLike ? DocumentKind.VERIFIABLE_PRESENTATION : DocumentKind.VERIFIABLE_CREDENTIAL;
        }
        boolean ob2 = ctx.stream().anyMatch(u -> u.startsWith("https://w3id.org/openbadges")
                || u.startsWith("https://openbadgespec.org") || u.startsWith("http://openbadges.org"));
        if (ob2 || types.stream().anyMatch(OB2_TYPES::contains)) {
            return DocumentKind.OB2_OBJECT;
        }
        if (doc.has("credentialSubject")) {
            return DocumentKind.VERIFIABLE_CREDENTIAL;
        }
        return DocumentKind.UNKNOWN;
    }
}
