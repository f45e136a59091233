package org.reconnaitre.badges.signing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.internal.id.Identifier;

/**
 * The person a badge must have been awarded to, for {@link Verifier#forRecipient(ExpectedRecipient)}:
 * an applicant tracking system says "this badge must belong to alice@example.org" and the report's
 * {@code recipient} check passes only if the badge names that person, in plain text or as a salted
 * hash ({@code sha256$} or {@code md5$}).
 *
 * <p>How it is compared:
 * <ul>
 *   <li>Open Badges 2.0: the assertion's {@code recipient} IdentityObject must be of the matching
 *       type ({@code email}, {@code url}, {@code telephone}; {@code id} for a DID or an id) and its
 *       identity equal (plain) or hash to the expected value with its salt.</li>
 *   <li>Open Badges 3.0 / CLR 2.0: the {@code credentialSubject.id} equals the expected value (an
 *       email is also matched as {@code mailto:}, a telephone as {@code tel:}), or one of
 *       {@code credentialSubject.identifier[]} (IdentityObject) has the matching
 *       {@code identityType} ({@code emailAddress} for an email, a type containing {@code phone} for
 *       a telephone, any other type for a URL, DID or id) and an {@code identityHash} equal to, or
 *       hashing to, the expected value with its salt.</li>
 *   <li>Email addresses are compared without regard to case (the address is trimmed; a hash matches
 *       the address as given or lower-cased, since issuers usually lower-case before hashing).
 *       URLs, DIDs and ids are compared exactly. Telephone numbers are compared after removing
 *       spaces, dots, dashes and parentheses ({@code +33 6 12-34-56-78} is {@code +33612345678}).</li>
 * </ul>
 *
 * <pre>{@code
 * // throws BadgeException (INVALID_DOCUMENT) when the value is not an email address
 * VerificationReport r = verifier.forRecipient(ExpectedRecipient.email("alice@example.org")).verify(badgeBytes);
 * CheckResult recipient = r.check("recipient").orElseThrow();   // passed, or failed with the reason
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpectedRecipient {

    /** The kind of identity expected. */
    public enum Type {
        /** An email address. */
        EMAIL,
        /** An HTTP(S) URL (a profile page). */
        URL,
        /** A telephone number (E.164 style, {@code +} and digits). */
        TELEPHONE,
        /** A decentralized identifier ({@code did:...}). */
        DID,
        /** Any other absolute identifier (URN, URL, DID). */
        ID
    }

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final int MAX_LENGTH = 2048;

    private final Type type;
    private final String value;

    private ExpectedRecipient(Type type, String value) {
        this.type = type;
        this.value = value;
    }

    /**
     * Checks the value: non-blank, at most 2048 characters, and shaped like its type.
     *
     * @param type what kind of identity this is
     * @param raw the identity as the caller has it
     * @return the expectation, with the value normalised (trimmed; a telephone without separators)
     * @throws BadgeException {@link BadgeException.Code#INVALID_DOCUMENT} when the value does not fit its type
     */
    public static ExpectedRecipient of(Type type, String raw) throws BadgeException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "value");
        String value = normalise(type, raw);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw invalid(type, value, "it must be 1 to " + MAX_LENGTH + " characters");
        }
        switch (type) {
            case EMAIL -> {
                if (!EMAIL_SHAPE.matcher(value).matches()) {
                    throw invalid(type, value, "it is not an email address");
                }
            }
            case TELEPHONE -> {
                if (!PHONE_SHAPE.matcher(value).matches()) {
                    throw invalid(type, value, "it is not a telephone number (+ and 3 to 20 digits)");
                }
            }
            case URL -> {
                String scheme = scheme(value);
                if (!"http".equals(scheme) && !"https".equals(scheme)) {
                    throw invalid(type, value, "it is not an absolute HTTP(S) URL");
                }
            }
            case DID -> {
                if (!Identifier.tryParse(value).map(Identifier::isDid).orElse(false)) {
                    throw invalid(type, value, "it is not a DID (did:method:identifier, as DID Core writes it)");
                }
            }
            case ID -> {
                if (scheme(value) == null) {
                    throw invalid(type, value, "it is not an absolute identifier (scheme:...)");
                }
            }
        }
        return new ExpectedRecipient(type, value);
    }

    /** @return what kind of identity is expected */
    public Type type() {
        return type;
    }

    /** @return the expected identity, normalised */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ExpectedRecipient e && e.type == type && e.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    /** @return an expected email address (compared without regard to case) */
    public static ExpectedRecipient email(String address) throws BadgeException {
        return of(Type.EMAIL, address);
    }

    /** @return an expected HTTP(S) URL (compared exactly) */
    public static ExpectedRecipient url(String url) throws BadgeException {
        return of(Type.URL, url);
    }

    /** @return an expected telephone number (separators removed, then compared exactly) */
    public static ExpectedRecipient telephone(String number) throws BadgeException {
        return of(Type.TELEPHONE, number);
    }

    /** @return an expected DID (compared exactly) */
    public static ExpectedRecipient did(String did) throws BadgeException {
        return of(Type.DID, did);
    }

    /** @return an expected absolute identifier such as a {@code urn:} (compared exactly) */
    public static ExpectedRecipient id(String id) throws BadgeException {
        return of(Type.ID, id);
    }

    /** @return the type and, for privacy, only the first character of the value */
    @Override
    public String toString() {
        return "ExpectedRecipient[" + type.name().toLowerCase(Locale.ROOT) + " " + value.charAt(0) + "…]";
    }

    private static String normalise(Type type, String value) {
        String v = value.strip();
        if (type == Type.TELEPHONE) {
            v = v.replaceAll("[\\s().-]", "");
        }
        return v;
    }

    private static @Nullable String scheme(String value) {
        try {
            URI u = new URI(value);
            return u.isAbsolute() ? u.getScheme().toLowerCase(Locale.ROOT) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static BadgeException invalid(Type type, String value, String why) {
        return new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Expected recipient "
                + type.name().toLowerCase(Locale.ROOT) + " is not usable: " + why + ".");
    }
}
