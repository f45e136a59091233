package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Any document {@link OpenBadges#read(String)} returns: an Open Badges 3.0 / CLR 2.0
 * {@link Credential}, a hosted OB 3.0 {@link Profile} or {@link Achievement}, or an Open Badges 2.0
 * {@link Assertion}, {@link BadgeClass}, {@link IssuerProfile} or {@link RevocationList}. Each keeps
 * the JSON it was read from, so {@link #toJson()} gives the same JSON tree back.
 *
 * <pre>{@code
 * OpenBadgesDocument doc = OpenBadges.read(json);
 * if (doc instanceof AchievementCredential c) { ... } else if (doc instanceof Assertion a) { ... }
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface OpenBadgesDocument
        permits Credential, Profile, Achievement, Assertion, BadgeClass, IssuerProfile, RevocationList {

    /** @return the whole JSON object */
    JsonValue.ObjectValue json();

    /** @return compact JSON text */
    String toJson();

    /** @return indented JSON text */
    String toPrettyJson();

    /** @return the {@code id}, when present and an absolute URI */
    Optional<URI> id();

    /** @return the {@code type} values */
    List<String> types();
}
