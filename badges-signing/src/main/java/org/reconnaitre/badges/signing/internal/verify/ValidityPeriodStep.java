package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.signing.internal.jwt.VcJwtPayload;

/**
 * The validity period against the verifier's clock, with its skew: {@code validFrom} /
 * {@code issuanceDate} (or the JWT {@code nbf}) not in the future, {@code validUntil} /
 * {@code expirationDate} (or the JWT {@code exp}) not past, and the start not after the end.
 * Every date present counts (the latest start, the earliest end), and a date that is present but
 * not an RFC 3339 string ({@code null}, a number, an object) fails: no second spelling can hide an
 * end date. Internal.
 */
final class ValidityPeriodStep implements Step {
    static final String ID = "validity-period";

    @Override
    public String id() {
        return ID;
    }

    /** A parsed date, or the reason it could not be parsed. */
    private record Parsed(@Nullable Instant instant, @Nullable String problem, boolean noZone) {}

    @Override
    public void run(VerificationContext ctx) {
        JsonNode c = ctx.credential();
        // every date the credential states counts: the latest start and the earliest end (VC 2.0 and
        // VC 1.1 names, and the JWT nbf / exp), so no spelling or null can hide one
        Instant start = null;
        Instant end = null;
        String fromName = null;
        String untilName = null;
        StringBuilder notes = new StringBuilder();
        for (String name : new String[] {"validFrom", "issuanceDate", "validUntil", "expirationDate"}) {
            if (!c.has(name)) {
                continue;
            }
            Parsed p = parse(c.get(name));
            if (p.problem() != null) {
                ctx.failed(ID, "The " + name + " date " + p.problem());
                return;
            }
            if (p.noZone()) {
                notes.append(" The ").append(name).append(" date has no time zone and was read as UTC.");
            }
            Instant at = p.instant();
            boolean isStart = name.equals("validFrom") || name.equals("issuanceDate");
            if (isStart && (start == null || at.isAfter(start))) {
                start = at;
                fromName = name;
            } else if (!isStart && (end == null || at.isBefore(end))) {
                end = at;
                untilName = name;
            }
        }
        VcJwtPayload jwt = ctx.jwt;
        if (jwt != null) {
            if (jwt.notBefore() != null && (start == null || jwt.notBefore().isAfter(start))) {
                start = jwt.notBefore();
                fromName = "JWT nbf";
            }
            if (jwt.expires() != null && (end == null || jwt.expires().isBefore(end))) {
                end = jwt.expires();
                untilName = "JWT exp";
            }
        }
        Instant now = ctx.now;
        var skew = ctx.config.clockSkew();
        if (start != null && end != null && start.isAfter(end)) {
            ctx.failed(ID, "The credential ends (" + untilName + " " + end + ") before it starts (" + fromName + " " + start + ").");
            return;
        }
        if (start != null && start.isAfter(now.plus(skew))) {
            ctx.failed(ID, "The credential is not valid yet: " + fromName + " is " + start + ", and it is now " + now + ".");
            return;
        }
        if (end != null && end.isBefore(now.minus(skew))) {
            ctx.failed(ID, "The credential has expired: " + untilName + " was " + end + ", and it is now " + now + ".");
            return;
        }
        String window = (start == null ? "no start date" : "valid from " + start)
                + (end == null ? ", no end date" : ", until " + end);
        if (start == null) {
            ctx.warning(ID, "The credential has no issuance date (" + window + ")." + notes);
        } else if (notes.length() > 0) {
            ctx.warning(ID, "The credential is within its validity period (" + window + ")." + notes);
        } else {
            ctx.passed(ID, "The credential is within its validity period (" + window + ").");
        }
    }

    private static Parsed parse(@Nullable JsonNode n) {
        if (n == null || !n.isTextual()) {
            return new Parsed(null, "is not a string.", false);
        }
        String s = n.asText().toUpperCase(Locale.ROOT);
        try {
            return new Parsed(OffsetDateTime.parse(s).toInstant(), null, false);
        } catch (DateTimeParseException e) {
            try {
                return new Parsed(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC), null, true);
            } catch (DateTimeParseException e2) {
                return new Parsed(null, "\"" + n.asText() + "\" is not an RFC 3339 date-time.", false);
            }
        }
    }
}
