package org.reconnaitre.badges.model.internal.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lexical forms of dates and identifiers. Internal; not part of the API. */
public final class Lexical {
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private Lexical() {}

    /** @return the date-time, when the text is an RFC 3339 date-time with an offset */
    public static Optional<OffsetDateTime> rfc3339(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Open Badges 2.0 dates: an ISO 8601 date-time (with an offset, or read as UTC without one) or
     * a Unix timestamp in seconds.
     */
    public static Optional<OffsetDateTime> ob2DateTime(String text) {
        Optional<OffsetDateTime> strict = rfc3339(text);
        if (strict.isPresent()) {
            return strict;
        }
        String t = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        if (t.matches("-?\\d{1,12}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)).atOffset(ZoneOffset.UTC));
        }
        return Optional.empty();
    }

    /** @return the URI, when the text is an absolute URI (it has a scheme) */
    public static Optional<URI> absoluteUri(String text) {
        if (!SCHEME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** @return whether the text is an absolute URI */
    public static boolean isAbsoluteUri(String text) {
        return absoluteUri(text).isPresent();
    }

    /** RFC 3339 form of a date-time: seconds always written, fraction only when not zero. */
    public static String format(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
