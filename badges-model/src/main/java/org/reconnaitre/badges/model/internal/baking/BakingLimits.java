package org.reconnaitre.badges.model.internal.baking;

import org.reconnaitre.badges.model.BadgeException;

/** Hard limits applied to untrusted images, and the shared error factory. */
public final class BakingLimits {
    /** Largest image read or written (16 MiB). */
    public static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;
    /** Largest single PNG chunk (8 MiB). */
    public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;
    /** Most PNG chunks in one image. */
    public static final int MAX_CHUNKS = 10_000;
    /** Largest credential text, after any decompression (4 MiB). */
    public static final int MAX_CREDENTIAL_BYTES = 4 * 1024 * 1024;
    /** Largest SVG document (8 MiB). */
    public static final int MAX_SVG_BYTES = 8 * 1024 * 1024;

    private BakingLimits() {}

    static BadgeException invalid(String reason) {
        return new BadgeException(BadgeException.Code.INVALID_IMAGE, reason);
    }

    static BadgeException invalid(String reason, Throwable cause) {
        return new BadgeException(BadgeException.Code.INVALID_IMAGE, reason, cause);
    }
}
