package org.reconnaitre.badges.model;

import java.util.Objects;

/**
 * A credential found in a baked badge image by {@link Baking#unbake(byte[])}: the text exactly as
 * the image carries it (trimmed of surrounding white space), with what is known about it before any
 * parsing — the image format, the specification whose keyword or namespace held it, and whether the
 * text is JSON, a compact JWS or (Open Badges 2.0 hosted badges only) a URL.
 *
 * <pre>{@code
 * BakedCredential found = Baking.unbake(java.nio.file.Files.readAllBytes(path));
 * if (found.encoding() == BakedCredential.Encoding.JWS) {
 *     // hand found.content() to the VC-JWT verifier
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param format the image format
 * @param version the specification the image's keyword or XML namespace belongs to
 * @param encoding the form of {@code content}
 * @param content the credential: JSON text, a compact JWS, or a URL
 */
public record BakedCredential(Format format, Version version, Encoding encoding, String content) {

    /** Image formats that can carry a credential. */
    public enum Format {
        /** PNG, credential in an {@code iTXt} chunk (or a legacy {@code tEXt}/{@code zTXt} chunk). */
        PNG,
        /** SVG, credential in an {@code <openbadges:credential>} or {@code <openbadges:assertion>} element. */
        SVG
    }

    /** Which specification's baking rules the image follows. */
    public enum Version {
        /** Open Badges 2.0 (and earlier): PNG keyword {@code openbadges}, SVG namespace {@code http://openbadges.org}. */
        OB2("openbadges", "http://openbadges.org", "assertion"),
        /** Open Badges 3.0: PNG keyword {@code openbadgecredential}, SVG namespace {@code https://purl.imsglobal.org/ob/v3p0}. */
        OB3("openbadgecredential", "https://purl.imsglobal.org/ob/v3p0", "credential"),
        /** CLR 2.0: PNG keyword {@code clrcredential}, SVG namespace {@code https://purl.imsglobal.org/clr/v2p0}. */
        CLR2("clrcredential", "https://purl.imsglobal.org/clr/v2p0", "credential");

        private final String pngKeyword;
        private final String svgNamespace;
        private final String svgElement;

        Version(String pngKeyword, String svgNamespace, String svgElement) {
            this.pngKeyword = pngKeyword;
            this.svgNamespace = svgNamespace;
            this.svgElement = svgElement;
        }

        /** @return the PNG text chunk keyword */
        public String pngKeyword() {
            return pngKeyword;
        }

        /** @return the XML namespace of the SVG element */
        public String svgNamespace() {
            return svgNamespace;
        }

        /** @return the local name of the SVG element ({@code assertion} or {@code credential}) */
        public String svgElement() {
            return svgElement;
        }
    }

    /** The form of the baked text. */
    public enum Encoding {
        /** A JSON object (an OB 2.0 assertion, an OB 3.0 or CLR 2.0 credential). */
        JSON,
        /** A compact JWS (OB 2.0 signed assertion, VC-JWT). */
        JWS,
        /** A URL where an Open Badges 2.0 hosted assertion lives (OB 2.0 only). */
        URL
    }

    /** Validates. */
    public BakedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "BakedCredential[" + format + " " + version + " " + encoding + ", " + content.length() + " chars]";
    }
}
