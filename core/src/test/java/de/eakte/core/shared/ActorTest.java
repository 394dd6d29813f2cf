package de.eakte.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {

    private static final OfficeCode RESIDENTS = OfficeCode.of("33");
    private static final OfficeCode SOCIAL = OfficeCode.of("50");

    @Test
    void givenStaffWithOffice_whenCreated_thenSubjectIsStrippedAndOfficeKept() {
        Actor actor = Actor.staff("  mueller  ", RESIDENTS);

        assertThat(actor.role()).isEqualTo(Role.STAFF);
        assertThat(actor.subject()).isEqualTo("mueller");
        assertThat(actor.office()).isEqualTo(RESIDENTS);
    }

    @Test
    void givenStaffWithoutOffice_whenCreated_thenRejected() {
        assertInvalid(() -> new Actor(Role.STAFF, "mueller", null), "office", "staff-office");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "STAFF", mode = EnumSource.Mode.EXCLUDE)
    void givenNonStaffWithoutOffice_whenCreated_thenAccepted(Role role) {
        assertThat(new Actor(role, "someone", null).office()).isNull();
    }

    @Test
    void givenNoRole_whenCreated_thenRejected() {
        assertInvalid(() -> new Actor(null, "mueller", RESIDENTS), "role", "required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void givenBlankSubject_whenCreated_thenRejected(String subject) {
        assertInvalid(() -> Actor.staff(subject, RESIDENTS), "subject", "required");
    }

    @Test
    void givenOverlongSubject_whenCreated_thenRejected() {
        assertThat(Actor.staff("s".repeat(200), RESIDENTS).subject()).hasSize(200);
        assertInvalid(() -> Actor.staff("s".repeat(201), RESIDENTS), "subject", "max-length");
    }

    @Test
    void givenControlCharacterInSubject_whenCreated_thenRejected() {
        assertInvalid(() -> Actor.staff("mue\u0000ller", RESIDENTS), "subject", "no-control-characters");
    }

    @Test
    void givenStaffOfAnOffice_whenAskedIsStaffOf_thenTrueOnlyForThatOffice() {
        Actor actor = Actor.staff("mueller", RESIDENTS);

        assertThat(actor.isStaffOf(RESIDENTS)).isTrue();
        assertThat(actor.isStaffOf(OfficeCode.of("33"))).isTrue();
        assertThat(actor.isStaffOf(SOCIAL)).isFalse();
        assertThat(actor.isStaffOf(null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "STAFF", mode = EnumSource.Mode.EXCLUDE)
    void givenNonStaffNamingAnOffice_whenAskedIsStaffOf_thenFalse(Role role) {
        assertThat(new Actor(role, "someone", RESIDENTS).isStaffOf(RESIDENTS)).isFalse();
    }

    @Test
    void givenRoles_whenAskedForClaimValue_thenLowerCaseName() {
        assertThat(Role.STAFF.claimValue()).isEqualTo("staff");
        assertThat(Role.CITIZEN.claimValue()).isEqualTo("citizen");
        assertThat(Role.DPO.claimValue()).isEqualTo("dpo");
        assertThat(Role.ADMIN.claimValue()).isEqualTo("admin");
    }
}
