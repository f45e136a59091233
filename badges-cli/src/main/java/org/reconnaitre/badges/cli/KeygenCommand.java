package org.reconnaitre.badges.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Generate a signing key and write it as a private JWK (with a kid).",
        footer = {"", "Examples:", "  badges keygen --type ed25519 --did-key --out issuer.jwk",
                "  badges keygen --type p256 > key.jwk"})
final class KeygenCommand extends BaseCommand {

    /** Key types, as spelled on the command line. */
    enum Type {
        ed25519(KeyType.ED25519), p256(KeyType.P256), rsa(KeyType.RSA);

        final KeyType keyType;

        Type(KeyType keyType) {
            this.keyType = keyType;
        }
    }

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "Key type: ${COMPLETION-CANDIDATES}.")
    @SuppressWarnings("NullAway.Init")
    Type type;

    @Option(names = "--did-key",
            description = "Use the did:key verification method URL as the kid (ed25519 and p256 only).")
    boolean didKey;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the key to FILE (readable by its owner only) instead of stdout.")
    @Nullable Path outFile;

    @Override
    int run() {
        if (didKey && type == Type.rsa) {
            throw CliFailure.unreadable("--did-key works with ed25519 and p256 keys only, not rsa");
        }
        SigningKey key = SigningKey.generate(type.keyType);
        if (didKey) {
            key = key.withKeyId(DidKey.verificationMethodId(key.publicKey()));
        }
        String jwk = key.toPrivateJwk();
        if (outFile == null) {
            out().println(jwk);
        } else {
            writeSecret(outFile, jwk + "\n");
            out().println(BadgesCli.show("Wrote a private " + type + " key to " + outFile + " (kid " + key.keyId() + ")"));
        }
        return ExitCodes.VALID;
    }

    private static void writeSecret(Path file, String text) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (or no such directory, reported by the write below)
        }
        Inputs.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
