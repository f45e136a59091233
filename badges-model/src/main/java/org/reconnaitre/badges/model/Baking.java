package org.reconnaitre.badges.model;

import java.util.Objects;
import org.reconnaitre.badges.model.internal.baking.BakedText;
import org.reconnaitre.badges.model.internal.baking.BakingLimits;
import org.reconnaitre.badges.model.internal.baking.Png;
import org.reconnaitre.badges.model.internal.baking.Svg;

/**
 * Bakes a credential into a badge image and reads it back: bytes in, bytes out, no network.
 *
 * <ul>
 *   <li>PNG: an {@code iTXt} chunk with keyword {@code openbadgecredential} (Open Badges 3.0),
 *       {@code clrcredential} (CLR 2.0) or {@code openbadges} (Open Badges 2.0; a legacy
 *       {@code tEXt} chunk is also read). Every chunk CRC is checked; chunk count, chunk size
 *       and image size are bounded; compressed text is inflated with a hard limit.</li>
 *   <li>SVG: {@code <openbadges:credential>} ({@code https://purl.imsglobal.org/ob/v3p0}),
 *       {@code <openbadges:assertion>} ({@code http://openbadges.org}) or the CLR 2.0
 *       {@code <clr:credential>} ({@code https://purl.imsglobal.org/clr/v2p0}), with the credential
 *       in the {@code verify} attribute or the element body. Parsed without DTD processing or
 *       external entities; a DOCTYPE with an internal subset, or naming any DTD other than the W3C
 *       SVG 1.0/1.1 ones (which are never loaded), is refused.</li>
 * </ul>
 * An image must carry exactly one credential.
 *
 * <pre>{@code
 * byte[] baked = Baking.bake(Files.readAllBytes(Path.of("badge.png")), credentialJson);
 * BakedCredential found = Baking.unbake(baked);
 * assert found.version() == BakedCredential.Version.OB3;
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Baking {
    /** Largest PNG image read or written, in bytes (16 MiB). */
    public static final int MAX_PNG_BYTES = BakingLimits.MAX_IMAGE_BYTES;
    /** Largest SVG image read or written, in bytes (8 MiB). */
    public static final int MAX_SVG_BYTES = BakingLimits.MAX_SVG_BYTES;
    /** Largest baked credential, in bytes after any decompression (4 MiB). */
    public static final int MAX_CREDENTIAL_BYTES = BakingLimits.MAX_CREDENTIAL_BYTES;

    private Baking() {}

    /**
     * Tells whether bytes look like a PNG or an SVG image (a cheap sniff, no full parse).
     *
     * @param bytes any input
     * @return true for a PNG signature or an SVG root element
     */
    public static boolean isImage(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return Png.isPng(bytes) || Svg.isSvg(bytes);
    }

    /**
     * Reads the credential baked into an image.
     *
     * @param image PNG or SVG bytes
     * @return the single credential the image carries
     * @throws BadgeException {@link BadgeException.Code#INVALID_IMAGE} when the image is malformed,
     *     hostile, carries no credential or more than one; the message says why
     */
    public static BakedCredential unbake(byte[] image) throws BadgeException {
        Objects.requireNonNull(image, "image");
        if (Png.isPng(image)) {
            return Png.unbake(image);
        }
        if (Svg.isSvg(image)) {
            return Svg.unbake(image);
        }
        throw new BadgeException(BadgeException.Code.INVALID_IMAGE,
                "Not a badge image: neither a PNG signature nor an SVG root element");
    }

    /**
     * Bakes a credential into an image, choosing the keyword or element from the credential: CLR
     * 2.0 for a {@code ClrCredential}, Open Badges 3.0 for any other Verifiable Credential, Open
     * Badges 2.0 for an {@code Assertion} or a hosted-assertion URL. A credential already in the
     * image is replaced; the rest of the image is kept unchanged.
     *
     * @param image PNG or SVG bytes
     * @param credential JSON text, a compact JWS, or (Open Badges 2.0) the URL of a hosted assertion
     * @return the baked image, in the same format
     * @throws BadgeException {@code INVALID_IMAGE} for a bad image, {@code INVALID_DOCUMENT} or
     *     {@code MALFORMED_JSON} for a credential that cannot be recognised
     */
    public static byte[] bake(byte[] image, String credential) throws BadgeException {
        Objects.requireNonNull(credential, "credential");
        return bake(image, credential, BakedText.detectVersion(credential));
    }

    /**
     * Bakes with an explicit version (keyword / element), without looking inside the credential.
     *
     * @param image PNG or SVG bytes
     * @param credential JSON text, a compact JWS, or (Open Badges 2.0 only) a URL
     * @param version which specification's keyword or element to use
     * @return the baked image, in the same format
     * @throws BadgeException {@code INVALID_IMAGE} for a bad image or a text the version does not allow
     */
    public static byte[] bake(byte[] image, String credential, BakedCredential.Version version) throws BadgeException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(version, "version");
        String text = credential.strip();
        BakedCredential.Encoding encoding = BakedText.classify(text, version, "The credential to bake");
        byte[] out;
        if (Png.isPng(image)) {
            out = Png.bake(image, text, version);
        } else if (Svg.isSvg(image)) {
            out = Svg.bake(image, text, version, encoding);
        } else {
            throw new BadgeException(BadgeException.Code.INVALID_IMAGE,
                    "Cannot bake: the image is neither a PNG nor an SVG");
        }
        BakedCredential check = unbake(out);
        if (!check.content().equals(text) || check.version() != version) {
            throw new BadgeException(BadgeException.Code.INVALID_IMAGE,
                    "Baking did not round-trip: the image reads back a different credential");
        }
        return out;
    }
}
