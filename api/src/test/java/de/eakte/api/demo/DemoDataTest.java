package de.eakte.api.demo;

import de.eakte.api.demo.DemoData.CitizenPlan;
import de.eakte.api.demo.DemoData.Plan;
import de.eakte.api.demo.DemoData.Step;
import de.eakte.core.cases.AddEntry;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.ChangeCaseStatus;
import de.eakte.core.cases.ChangeDeadline;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.OpenCase;
import de.eakte.core.cases.Visibility;
import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.OpenCitizenFile;
import de.eakte.core.citizens.RecordMove;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo population as planned, without Spring or a database. */
class DemoDataTest {

    private static final Catalogue CATALOGUE = Catalogue.defaults();
    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final Plan PLAN = DemoData.plan(DemoData.DEFAULT_SEED, DemoData.DEFAULT_CITIZENS, CATALOGUE, NOW);

    @Test
    void givenSameSeed_whenPlanning_thenSamePlan() {
        assertThat(DemoData.plan(DemoData.DEFAULT_SEED, DemoData.DEFAULT_CITIZENS, CATALOGUE, NOW)).isEqualTo(PLAN);
        assertThat(DemoData.plan(DemoData.DEFAULT_SEED + 1, DemoData.DEFAULT_CITIZENS, CATALOGUE, NOW)).isNotEqualTo(PLAN);
    }

    @Test
    void givenDefaults_whenPlanning_thenThreeHundredCitizensWithDistinctIds() {
        assertThat(PLAN.citizens()).hasSize(300);
        assertThat(PLAN.citizens().stream().map(CitizenPlan::citizenId).distinct()).hasSize(300);
        assertThat(PLAN.citizens().stream().map(CitizenPlan::correlationId).distinct()).hasSize(300);
        assertThat(commands(OpenCase.class).stream().map(OpenCase::caseId).distinct()).hasSize(commands(OpenCase.class).size());
    }

    @Test
    void givenPlan_whenReadingIdNrs_thenSeventyPercentHaveOneAndItIsValidAndUnique() {
        List<IdNr> idNrs = masterData().stream().map(MasterData::idNr).filter(Objects::nonNull).toList();
        assertThat(idNrs).hasSize(210);
        assertThat(new HashSet<>(idNrs)).hasSameSizeAs(idNrs);
        for (IdNr idNr : idNrs) {
            String value = idNr.value();
            assertThat(value).matches("[1-9][0-9]{10}");
            assertThat(IdNr.checkDigit(value.substring(0, 10))).isEqualTo(value.charAt(10) - '0');
        }
    }

    @Test
    void givenPlan_whenReadingNames_thenUmlautsDoubleNamesBirthNamesAndCollisions() {
        List<MasterData> people = masterData();
        assertThat(people).anyMatch(m -> m.familyName().matches(".*[äöüÄÖÜß].*"));
        assertThat(people).anyMatch(m -> m.givenNames().matches(".*[äöüÄÖÜß].*"));
        assertThat(people).anyMatch(m -> m.familyName().contains("-"));
        assertThat(people.stream().filter(m -> m.birthName() != null).count()).isBetween(30L, 120L);

        Map<String, Long> byFamily = people.stream()
                .collect(Collectors.groupingBy(MasterData::familyName, Collectors.counting()));
        assertThat(byFamily.get("Müller")).isGreaterThanOrEqualTo(8);
        assertThat(byFamily.get("Schmidt")).isGreaterThanOrEqualTo(5);
        assertThat(byFamily.keySet()).contains("Meyer", "Meier", "Maier");
        Map<String, Long> byFullName = people.stream()
                .collect(Collectors.groupingBy(m -> m.givenNames() + " " + m.familyName(), Collectors.counting()));
        assertThat(byFullName.values()).as("some people share their full name").anyMatch(n -> n > 1);
    }

    @Test
    void givenPlan_whenReadingBirthsAndAddresses_thenTheyArePlausible() {
        for (MasterData m : masterData()) {
            assertThat(m.dateOfBirth()).isBetween(LocalDate.of(1935, 1, 1), LocalDate.of(2008, 12, 31));
            assertThat(m.placeOfBirth()).isNotBlank();
            assertThat(m.birthName()).isNotEqualTo(m.familyName());
        }
        assertThat(masterData().stream().map(MasterData::placeOfBirth)).contains("Leipzig", "Karl-Marx-Stadt");
        List<OpenCitizenFile> files = commands(OpenCitizenFile.class);
        List<RecordMove> moves = commands(RecordMove.class);
        assertThat(files).allSatisfy(f -> {
            assertThat(f.address().city()).isEqualTo("Leipzig");
            assertThat(f.address().postcode().value()).isBetween("04103", "04357");
            assertThat(f.actor().role()).isEqualTo(Role.STAFF);
        });
        assertThat(files.stream().map(f -> f.address().street()))
                .contains("Hauptstraße", "Karl-Liebknecht-Straße", "Eisenbahnstraße");
        assertThat(moves).hasSize(45);
        assertThat(moves).allSatisfy(m -> {
            assertThat(m.address().city()).isEqualTo("Leipzig");
            assertThat(m.movedOn()).isBefore(LocalDate.of(2026, 11, 21));
        });
    }

    @Test
    void givenPlan_whenReadingCases_thenEveryCaseTypeIsOpenedByItsOwnOffice() {
        List<OpenCase> cases = commands(OpenCase.class);
        Map<CaseTypeCode, CaseType> types = CATALOGUE.caseTypes().stream()
                .collect(Collectors.toMap(CaseType::code, Function.identity()));
        assertThat(cases.stream().map(OpenCase::caseType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(types.keySet());
        assertThat(cases).allSatisfy(c -> assertThat(c.actor().isStaffOf(types.get(c.caseType()).office())).isTrue());
        assertThat(cases.size()).isBetween(300, 900);
        assertThat(cases.stream().map(OpenCase::subject))
                .contains("Antrag auf Personalausweis", "Ummeldung innerhalb Leipzigs", "Zulassung Pkw",
                        "Gewerbeanmeldung Friseursalon", "Antrag auf Wohngeld", "Bauantrag Carport");
        for (CitizenPlan citizen : PLAN.citizens()) {
            assertThat(citizen.steps()).as("cases come after their citizen's file")
                    .first().extracting(Step::command).isInstanceOf(OpenCitizenFile.class);
            for (Step step : citizen.steps()) {
                assertThat(step.actor()).isNotNull();
            }
        }
    }

    @Test
    void givenPlan_whenReplayingEachCase_thenStatusMovesFollowTheTableAndEntriesFitTheirKind() {
        Map<CaseId, CaseStatus> status = new HashMap<>();
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        for (Step step : steps()) {
            Object command = step.command();
            if (command instanceof OpenCase c) {
                status.put(c.caseId(), CaseStatus.OPEN);
            } else if (command instanceof ChangeCaseStatus c) {
                assertThat(status.get(c.caseId()).canMoveTo(c.status())).isTrue();
                status.put(c.caseId(), c.status());
            } else if (command instanceof ChangeDeadline d) {
                assertThat(status.get(d.caseId())).isNotEqualTo(CaseStatus.CLOSED);
            } else if (command instanceof AddEntry e) {
                assertThat(status.get(e.caseId())).isNotEqualTo(CaseStatus.CLOSED);
                kinds.add(e.kind());
                switch (e.kind()) {
                    case NOTE -> assertThat(e.visibility()).isEqualTo(Visibility.INTERNAL);
                    case INCOMING_LETTER, OUTGOING_LETTER -> assertThat(e.visibility()).isEqualTo(Visibility.CITIZEN);
                    case DOCUMENT -> {
                        assertThat(e.document()).isNotNull();
                        assertThat(e.document().sizeBytes()).isPositive();
                        assertThat(e.document().receivedAt()).isBeforeOrEqualTo(NOW);
                    }
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(EntryKind.values());
        assertThat(new HashSet<>(status.values())).containsExactlyInAnyOrder(CaseStatus.values());
        assertThat(commands(ChangeDeadline.class)).isNotEmpty();
    }

    @Test
    void givenTinyPopulation_whenPlanning_thenEveryCaseTypeStillAppears() {
        Plan tiny = DemoData.plan(7, 12, CATALOGUE, NOW);
        assertThat(tiny.citizens()).hasSize(12);
        assertThat(tiny.citizens().stream().flatMap(c -> c.steps().stream()).map(Step::command)
                .filter(OpenCase.class::isInstance).map(c -> ((OpenCase) c).caseType()).collect(Collectors.toSet()))
                .hasSize(CATALOGUE.caseTypes().size());
    }

    private static List<Step> steps() {
        return PLAN.citizens().stream().flatMap(c -> c.steps().stream()).toList();
    }

    private static <T> List<T> commands(Class<T> type) {
        return steps().stream().map(Step::command).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<MasterData> masterData() {
        return commands(OpenCitizenFile.class).stream().map(OpenCitizenFile::masterData).toList();
    }
}
