package org.reconnaitre.badges.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign an unsigned credential: an embedded Data Integrity proof (di) or a compact VC-JWT (jwt).",
                "The JSON is signed exactly as written; the credential's issuer id should be the controller of "
                        + "the verification method (for did:key, the did:key itself)."},
        footer = {"", "Examples:", "  badges keygen --type ed25519 --did-key --out issuer.jwk",
                "  badges sign --key issuer.jwk --format di --out signed.json credential.json",
                "  badges sign --key issuer.jwk --format jwt credential.json > badge.jwt",
                "  badges sign --key p256.jwk --format di --cryptosuite ecdsa-sd-2023 --mandatory /issuer "
                        + "--out base.json credential.json"})
final class SignCommand extends BaseCommand {

    /** Output formats. */
    enum Format { di, jwt }

    private final InputStream stdin;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "The private key: a JWK (as written by keygen), a multibase secret or hex.")
    @SuppressWarnings("NullAway.Init")
    Path keyFile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}.")
    @SuppressWarnings("NullAway.Init")
    Format format;

    @Option(names = "--cryptosuite", paramLabel = "SUITE",
            description = "di only: eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 or ecdsa-sd-2023 "
                    + "(default: eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256).")
    @Nullable String cryptosuite;

    @Option(names = "--mandatory", paramLabel = "POINTER",
            description = "ecdsa-sd-2023 only (repeatable): a JSON Pointer to a part of the credential the holder "
                    + "must always disclose, e.g. /credentialSubject/achievement/name. Whatever is given, what "
                    + "verifiers decide from is always mandatory when present: @context, /type, /issuer, "
                    + "/validFrom, /validUntil, /issuanceDate, /expirationDate, /credentialStatus, "
                    + "/credentialSubject/id and /credentialSubject/achievement/id and /type, so no holder can "
                    + "hide expiry or revocation. The result is a base proof for the holder: "
                    + "hand it to them; they run 'badges derive' to disclose what they choose.")
    List<String> mandatory = new ArrayList<>();

    @Option(names = "--verification-method", paramLabel = "URL",
            description = "The key's verification method URL (default: the key's kid when it is a URL, "
                    + "else its did:key method).")
    @Nullable String verificationMethod;

    @Option(names = "--created", paramLabel = "RFC3339", converter = Rfc3339.class,
            description = "di only: the proof's created date (default: now).")
    @Nullable Instant created;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the signed credential to FILE instead of stdout.")
    @Nullable Path outFile;

    @Parameters(paramLabel = "CREDENTIAL", description = "The unsigned credential (JSON; - for stdin).")
    @SuppressWarnings("NullAway.Init")
    String credential;

    SignCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    int run() throws BadgeException {
        if (format == Format.jwt && (cryptosuite != null || created != null || !mandatory.isEmpty())) {
            throw CliFailure.unreadable((cryptosuite != null ? "--cryptosuite" : created != null ? "--created" : "--mandatory")
                    + " applies to --format di only");
        }
        SigningKey key = readKey();
        String json = new String(Inputs.read(credential, stdin), StandardCharsets.UTF_8);
        String vm = verificationMethod != null ? verificationMethod
                : key.keyId().contains(":") ? key.keyId() : null;
        String signed;
        try {
            signed = format == Format.di ? signDataIntegrity(json, key, vm) : signJwt(json, key, vm);
        } catch (BadgeException e) {
            throw CliFailure.unreadable("cannot sign " + credential + ": " + e.getMessage(), e);
        }
        emit(signed, outFile, () -> "Signed " + credential + " (" + (format == Format.di ? suiteFor(key).id() : "VC-JWT "
                + key.type().jwsAlgorithm()) + ") into " + outFile);
        return ExitCodes.VALID;
    }

    private SigningKey readKey() {
        try {
            return SigningKey.parse(Inputs.readText(keyFile));
        } catch (BadgeException e) {
            throw CliFailure.unreadable(keyFile + ": not a usable private key (" + e.getMessage() + ")", e);
        }
    }

    private Cryptosuite suiteFor(SigningKey key) {
        if (cryptosuite == null) {
            if (key.type() == KeyType.RSA) {
                throw CliFailure.unreadable("an RSA key cannot make a Data Integrity proof; use --format jwt");
            }
            return Cryptosuite.defaultFor(key.type());
        }
        Cryptosuite suite = Cryptosuite.fromId(cryptosuite).orElseThrow(() -> CliFailure.unreadable(
                "unknown --cryptosuite '" + cryptosuite + "' (expected eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 "
                        + "or ecdsa-sd-2023)"));
        if (suite.keyType() != key.type()) {
            throw CliFailure.unreadable("--cryptosuite " + suite.id() + " needs a " + suite.keyType()
                    + " key, but " + keyFile + " holds a " + key.type() + " key");
        }
        return suite;
    }

    private String signDataIntegrity(String json, SigningKey key, @Nullable String vm) throws BadgeException {
        Cryptosuite suite = suiteFor(key);
        ProofOptions.Builder options = ProofOptions.builder(suite);
        if (!mandatory.isEmpty()) {
            if (suite != Cryptosuite.ECDSA_SD_2023) {
                throw CliFailure.unreadable("--mandatory applies to --cryptosuite ecdsa-sd-2023 only");
            }
            try {
                options.mandatoryPointers(mandatory);
            } catch (IllegalArgumentException e) {
                throw CliFailure.unreadable("--mandatory: " + e.getMessage(), e);
            }
        }
        if (vm != null) {
            options.verificationMethod(vm);
        }
        if (created != null) {
            options.created(created);
        }
        return DataIntegrity.sign(json, key, options.build());
    }

    private static String signJwt(String json, SigningKey key, @Nullable String vm) throws BadgeException {
        Issuer.Builder issuer = Issuer.with(key);
        if (vm != null) {
            try {
                issuer.verificationMethod(vm);
            } catch (IllegalArgumentException e) {
                throw CliFailure.unreadable(e.getMessage(), e);
            }
        }
        return issuer.build().signJwt(json);
    }
}
