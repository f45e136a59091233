package org.reconnaitre.badges.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Converts an RFC 3339 date-time option ({@code 2026-01-15T09:00:00Z}) to an {@link Instant}. */
final class Rfc3339 implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an RFC 3339 date-time such as 2026-01-15T09:00:00Z");
        }
    }
}
