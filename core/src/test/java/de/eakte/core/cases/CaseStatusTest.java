package de.eakte.core.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static de.eakte.core.cases.CaseStatus.CLOSED;
import static de.eakte.core.cases.CaseStatus.DECIDED;
import static de.eakte.core.cases.CaseStatus.IN_PROGRESS;
import static de.eakte.core.cases.CaseStatus.OPEN;
import static de.eakte.core.cases.CaseStatus.WAITING_FOR_CITIZEN;
import static org.assertj.core.api.Assertions.assertThat;

class CaseStatusTest {

    /** The move table, written out once more so a change to it is a deliberate change to this test. */
    private static final Map<CaseStatus, Set<CaseStatus>> MOVES = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, CLOSED),
            IN_PROGRESS, EnumSet.of(WAITING_FOR_CITIZEN, DECIDED, CLOSED),
            WAITING_FOR_CITIZEN, EnumSet.of(IN_PROGRESS, CLOSED),
            DECIDED, EnumSet.of(IN_PROGRESS, CLOSED),
            CLOSED, EnumSet.noneOf(CaseStatus.class));

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void givenStatus_whenAskedForNext_thenTheMovesOfTheTable(CaseStatus from) {
        assertThat(from.next()).containsExactlyInAnyOrderElementsOf(MOVES.get(from));
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(CaseStatus.values())
                .flatMap(from -> Stream.of(CaseStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void givenAnyPair_whenAskedCanMoveTo_thenAsTheTableSays(CaseStatus from, CaseStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(MOVES.get(from).contains(to));
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void givenStatus_whenAskedToStay_thenNotAMove(CaseStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void givenAnyOpenStatus_whenClosing_thenAllowed(CaseStatus status) {
        assertThat(status.canMoveTo(CLOSED)).isTrue();
    }

    @Test
    void givenClosed_whenAskedForNext_thenFinal() {
        assertThat(CLOSED.next()).isEmpty();
    }

    @Test
    void givenOpen_whenDecidingWithoutProcessing_thenNotAllowed() {
        assertThat(OPEN.canMoveTo(DECIDED)).isFalse();
    }

    @Test
    void givenDecided_whenObjectionReopensProcessing_thenAllowed() {
        assertThat(DECIDED.canMoveTo(IN_PROGRESS)).isTrue();
    }

    @Test
    void givenStatuses_whenAskedIfDeadlineRuns_thenOnlyBeforeDecision() {
        assertThat(OPEN.isPending()).isTrue();
        assertThat(IN_PROGRESS.isPending()).isTrue();
        assertThat(WAITING_FOR_CITIZEN.isPending()).isTrue();
        assertThat(DECIDED.isPending()).isFalse();
        assertThat(CLOSED.isPending()).isFalse();
    }

    @Test
    void givenNext_whenModified_thenTheTableIsUnchanged() {
        OPEN.next().add(DECIDED);

        assertThat(OPEN.canMoveTo(DECIDED)).isFalse();
    }
}
