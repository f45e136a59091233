package org.reconnaitre.badges.model;

/**
 * The W3C Verifiable Credentials data model a credential follows. Version 1.1 names the validity
 * dates {@code issuanceDate} / {@code expirationDate}; version 2.0 names them {@code validFrom} /
 * {@code validUntil}. The typed accessors of {@link Credential} read either.
 *
 * <pre>{@code
 * if (credential.dataModel() == DataModel.VC_1_1) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum DataModel {
    /** VC Data Model 1.1, base context {@code https://www.w3.org/2018/credentials/v1}. */
    VC_1_1("https://www.w3.org/2018/credentials/v1", "issuanceDate", "expirationDate"),
    /** VC Data Model 2.0, base context {@code https://www.w3.org/ns/credentials/v2}. */
    VC_2_0("https://www.w3.org/ns/credentials/v2", "validFrom", "validUntil");

    private final String baseContext;
    private final String validFromName;
    private final String validUntilName;

    DataModel(String baseContext, String validFromName, String validUntilName) {
        this.baseContext = baseContext;
        this.validFromName = validFromName;
        this.validUntilName = validUntilName;
    }

    /** @return the first {@code @context} URL of this data model */
    public String baseContext() {
        return baseContext;
    }

    /** @return the JSON name of the start of validity ({@code issuanceDate} or {@code validFrom}) */
    public String validFromName() {
        return validFromName;
    }

    /** @return the JSON name of the end of validity ({@code expirationDate} or {@code validUntil}) */
    public String validUntilName() {
        return validUntilName;
    }
}
