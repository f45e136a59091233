package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconnaitre.badges.model.BadgeException;

class KeysTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MSG = "Open Badges".getBytes(StandardCharsets.UTF_8);

    @Test
    void rfc8032TestVector1() throws Exception {
        SigningKey key = SigningKey.fromEd25519Secret(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(key.publicKey().encoded()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(key.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void ed25519SecretFormsFromKatAllGiveTheSameKey() throws Exception {
        byte[] seed = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        SigningKey fromSeed = SigningKey.fromEd25519Secret(seed);
        assertThat(fromSeed.publicKey().toMultibase()).isEqualTo("z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd");
        assertThat(fromSeed.toMultibase()).isEqualTo("z3u2RDpgFe6Voz19gxWsBkueKj6XiuC9w1bSBT4FTowsWk6A");

        byte[] full = new byte[64];
        System.arraycopy(seed, 0, full, 0, 32);
        System.arraycopy(fromSeed.publicKey().encoded(), 0, full, 32, 32);
        assertThat(SigningKey.fromEd25519Secret(full).publicKey()).isEqualTo(fromSeed.publicKey());
        assertThat(SigningKey.fromMultibase("z3u2RDpgFe6Voz19gxWsBkueKj6XiuC9w1bSBT4FTowsWk6A").publicKey())
                .isEqualTo(fromSeed.publicKey());
        SigningKey db = SigningKey.parse(
                "zruzduHAdRqBudqdsJLcYGEMGL4CFFXkvHUZ4dCMzwkJ7vbFTf3YJa1K9ciXKf5az8osaZgA7GPMrQCvfFFdaBfmNJj");
        assertThat(db.publicKey()).isEqualTo(fromSeed.publicKey());
        assertThat(db.toMultibase()).isEqualTo("z3u2RDpgFe6Voz19gxWsBkueKj6XiuC9w1bSBT4FTowsWk6A");
        assertThat(SigningKey.parse(HEX.formatHex(seed)).publicKey()).isEqualTo(fromSeed.publicKey());
        assertThat(SigningKey.parse(fromSeed.toPrivateJwk()).publicKey()).isEqualTo(fromSeed.publicKey());
    }

    @Test
    void ed25519SecretWithWrongPublicHalfIsRejected() {
        byte[] bad = new byte[64];
        bad[0] = 1;
        assertThatThrownBy(() -> SigningKey.fromEd25519Secret(bad))
                .isInstanceOfSatisfying(BadgeException.class, e -> assertThat(e.code()).isEqualTo(BadgeException.Code.INVALID_KEY));
        assertThatThrownBy(() -> SigningKey.fromEd25519Secret(new byte[31])).isInstanceOf(BadgeException.class);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generateSignVerifyAndJwkRoundTrip(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        assertThat(key.type()).isEqualTo(type);
        byte[] sig = key.sign(MSG);
        assertThat(key.publicKey().verify(MSG, sig)).isTrue();
        byte[] other = "Open Badgez".getBytes(StandardCharsets.UTF_8);
        assertThat(key.publicKey().verify(other, sig)).isFalse();
        if (type != KeyType.RSA) {
            assertThat(sig).hasSize(64);
        }

        String priv = key.toPrivateJwk();
        assertThat(priv).contains("\"d\":").contains("\"kid\":\"" + key.keyId() + "\"");
        SigningKey back = SigningKey.fromJwk(priv);
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
        assertThat(back.keyId()).isEqualTo(key.keyId());
        assertThat(back.publicKey().verify(MSG, key.sign(MSG))).isTrue();
        assertThat(key.publicKey().verify(MSG, back.sign(MSG))).isTrue();

        String pub = key.toPublicJwk();
        assertThat(pub).doesNotContain("\"d\"").contains("\"kid\"");
        assertThat(VerificationKey.fromJwk(pub)).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> SigningKey.fromJwk(pub)).isInstanceOf(BadgeException.class);

        String secretD = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(priv).get("d").asText();
        assertThat(key.toString()).doesNotContain(secretD).contains(type.name());
        assertThat(key.publicKey().thumbprint()).isEqualTo(key.keyId());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "P256"})
    void multikeyAndDidKeyRoundTrip(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        String mb = key.publicKey().toMultibase();
        assertThat(mb).startsWith(type == KeyType.ED25519 ? "z6Mk" : "zDn");
        assertThat(VerificationKey.fromMultikey(mb)).isEqualTo(key.publicKey());
        assertThat(SigningKey.fromMultibase(key.toMultibase()).publicKey()).isEqualTo(key.publicKey());

        DidDocument doc = DidKey.resolve(DidKey.of(key.publicKey()));
        VerificationMethod vm = doc.verificationMethods().get(0);
        assertThat(vm.id()).isEqualTo(DidKey.verificationMethodId(key.publicKey()));
        assertThat(vm.type()).isEqualTo("Multikey");
        assertThat(vm.controller()).isEqualTo(doc.id());
        assertThat(vm.key()).isEqualTo(key.publicKey());
        assertThat(vm.source()).isEqualTo(KeySource.DID_KEY);
        assertThat(doc.assertionMethod()).containsExactly(vm.id());
    }

    @Test
    void p256DeterministicSignatureMatchesRfc6979() throws Exception {
        SigningKey key = SigningKey.fromP256Secret(
                HEX.parseHex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
        byte[] sig = key.sign("sample".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(sig)).isEqualTo(
                "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                        + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
    }

    @Test
    void p256AcceptsHighS() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        byte[] sig = key.sign(MSG);
        BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        byte[] flipped = sig.clone();
        byte[] s2 = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s));
        System.arraycopy(s2, 0, flipped, 32, 32);
        assertThat(key.publicKey().verify(MSG, flipped)).isTrue();
        assertThat(key.publicKey().verify(MSG, new byte[64])).isFalse();
        assertThat(key.publicKey().verify(MSG, new byte[3])).isFalse();
    }

    @Test
    void invalidPointsAndKeysAreRejected() {
        // Ed25519 identity point (small order) and a non-point
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertThatThrownBy(() -> VerificationKey.ed25519(identity)).isInstanceOf(BadgeException.class);
        byte[] compressed = new byte[33];
        compressed[0] = 2;
        compressed[32] = 5; // x = 5: not on P-256 (no square root) or check fails
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[32] = 1;
        offCurve[64] = 1;
        assertThatThrownBy(() -> VerificationKey.p256(offCurve)).isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AQ\",\"y\":\"AQ\"}"))
                .isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> VerificationKey.fromJwk("{\"kty\":\"oct\",\"k\":\"AQ\"}")).isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> VerificationKey.fromMultikey("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"))
                .isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> VerificationKey.fromMultikey("not-multibase")).isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> VerificationKey.rsa(BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE), BigInteger.valueOf(65537)))
                .isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> SigningKey.fromP256Secret(new byte[32])).isInstanceOf(BadgeException.class);
    }

    @Test
    void mismatchedPrivateJwkIsRejected() throws Exception {
        SigningKey a = SigningKey.generate(KeyType.ED25519);
        SigningKey b = SigningKey.generate(KeyType.ED25519);
        var mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(a.toPrivateJwk());
        node.put("x", mapper.readTree(b.toPublicJwk()).get("x").asText());
        assertThatThrownBy(() -> SigningKey.fromJwk(node.toString()))
                .hasMessageContaining("public members do not match");
    }

    @Test
    void didKeyFragmentMustRepeatTheKey() {
        assertThatThrownBy(() -> DidKey.resolve(
                "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd"))
                .isInstanceOf(BadgeException.class);
        assertThatThrownBy(() -> DidKey.resolve("did:example:123")).isInstanceOf(BadgeException.class);
    }
}
