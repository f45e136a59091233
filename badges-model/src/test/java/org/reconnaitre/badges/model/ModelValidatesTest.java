package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.testing.SharedData;

/** What the builders and the converter produce passes the {@link Validator} without errors. */
class ModelValidatesTest {

    @Test
    void builtCredentialsValidate() {
        for (Credential c : List.<Credential>of(CredentialBuilderTest.minimal().build(),
                CredentialBuilderTest.minimal().dataModel(DataModel.VC_1_1).build())) {
            ValidationReport report = Validator.standard().validate(c.toJson());
            assertThat(report.errors()).as(c.toPrettyJson()).isEmpty();
        }
    }

    @Test
    void convertedSpecExampleValidates() throws Exception {
        AchievementCredential c = OpenBadges2Converter.toOpenBadges3(
                OpenBadges.read(RoundTripTest.resource("ob20-assertion.json"), Assertion.class),
                OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), BadgeClass.class),
                OpenBadges.read(RoundTripTest.resource("ob20-issuer.json"), IssuerProfile.class));
        ValidationReport report = Validator.standard().validate(c.toJson());
        assertThat(report.errors()).as(c.toPrettyJson()).isEmpty();
    }

    @Test
    void convertedValidatorFixturesValidate() throws Exception {
        Path ob20 = SharedData.require("openbadges/fixtures/1edtech-validator/ob20");
        Path assets = ob20.resolve("assets");
        IssuerProfile issuer = OpenBadges.read(Files.readString(assets.resolve("organization.json")), IssuerProfile.class);
        BadgeClass badge = OpenBadges.read(Files.readString(assets.resolve("robotics-badge.json")), BadgeClass.class);
        int converted = 0;
        for (String name : List.of("basic-assertion.json", "basic-assertion-expired.json", "basic-assertion-no-public-key.json")) {
            Assertion a = OpenBadges.read(Files.readString(ob20.resolve(name)), Assertion.class);
            if (!a.badge().flatMap(BadgeClass::id).equals(badge.id())) {
                continue;
            }
            AchievementCredential c = OpenBadges2Converter.toOpenBadges3(a, badge, issuer);
            assertThat(Validator.standard().validate(c.toJson()).errors()).as(name + "\n" + c.toPrettyJson()).isEmpty();
            converted++;
        }
        assertThat(converted).isGreaterThanOrEqualTo(2);
    }
}
