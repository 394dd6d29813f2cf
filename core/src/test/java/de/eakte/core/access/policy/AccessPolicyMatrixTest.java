package de.eakte.core.access.policy;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.DataCategory;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static de.eakte.core.access.DataCategory.ADDRESS_HISTORY;
import static de.eakte.core.access.DataCategory.CASE_ENTRIES;
import static de.eakte.core.access.DataCategory.CASE_SUMMARIES;
import static de.eakte.core.access.DataCategory.MASTER_DATA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every combination of caller x stated purpose x confidentiality x case context x break-glass x
 * information block x data asked for, decided twice: by {@link AccessPolicy} and by {@link Issue},
 * an oracle written here from the issue's wording alone (it never calls the policy). The two must
 * give the same outcome, rule, granted and not-granted categories, visible cases, cases with
 * entries, citizen-only flag, purpose and DPO flag. docs/access-policy.md states the same rules.
 *
 * <p>The citizen's file holds three cases. The one of the caller's own office takes the state of
 * the case-context dimension ({@link CaseContext#NO_CASE_OF_OWN_OFFICE}: the citizen has none);
 * for callers without an office the dimension applies to the registration case of office 33. The
 * other two keep a background state: registration (33) in progress, vehicle registration (36)
 * closed 400 days ago, housing benefit (50) decided; the housing-benefit case is NORMAL or
 * STRICTLY_CONFIDENTIAL by the confidentiality dimension.
 */
class AccessPolicyMatrixTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final CitizenId CITIZEN = new CitizenId(UUID.fromString("0c1d2e3f-4a5b-4c6d-8e7f-101112131415"));
    static final CitizenId ANOTHER_CITIZEN = new CitizenId(UUID.fromString("9f8e7d6c-5b4a-4392-8171-605040302010"));
    static final String REASON = "Prüfung des Antrags";
    static final String JUSTIFICATION = "Gefahr im Verzug: Anschrift für Rettungseinsatz";
    static final int QUOTA = AccessPolicy.DEFAULT_BREAK_GLASS_DAILY_QUOTA;

    static final AccessPolicy POLICY = new AccessPolicy(new SeededPurposeDirectory(), AccessPolicy.DEFAULT_CASE_CONTEXT,
            QUOTA);

    // ---------------------------------------------------------------------------------------------
    // The dimensions

    enum Caller {
        STAFF_OF_THE_CASES_OFFICE(Role.STAFF, "33"),
        STAFF_OF_ANOTHER_OFFICE(Role.STAFF, "36"),
        STAFF_OF_SOCIAL_SERVICES(Role.STAFF, "50"),
        CITIZEN_OWN_FILE(Role.CITIZEN, null),
        CITIZEN_OTHER_FILE(Role.CITIZEN, null),
        DPO(Role.DPO, null),
        ADMIN(Role.ADMIN, null);

        final Role role;
        final OfficeCode office;

        Caller(Role role, String office) {
            this.role = role;
            this.office = office == null ? null : OfficeCode.of(office);
        }

        boolean isStaff() {
            return role == Role.STAFF;
        }
    }

    enum Stated {
        NONE(null), SACHBEARBEITUNG("SACHBEARBEITUNG"), AMTSHILFE("AMTSHILFE"), BMG_34("BMG-34"),
        SGB_X_69("SGB-X-69"), UNKNOWN("GEHEIMER-ZWECK");

        final String code;

        Stated(String code) {
            this.code = code;
        }
    }

    enum CaseContext {
        OPEN(0), CLOSED_10_DAYS_AGO(10), CLOSED_100_DAYS_AGO(100), NO_CASE_OF_OWN_OFFICE(-1);

        final int closedDaysAgo;

        CaseContext(int closedDaysAgo) {
            this.closedDaysAgo = closedDaysAgo;
        }
    }

    enum Emergency {
        NONE, JUSTIFICATION, ACTIVE_GRANT, QUOTA_EXHAUSTED
    }

    enum Asked {
        ALL(EnumSet.allOf(DataCategory.class)), ADDRESS_HISTORY_ONLY(EnumSet.of(ADDRESS_HISTORY));

        final Set<DataCategory> categories;

        Asked(Set<DataCategory> categories) {
            this.categories = Collections.unmodifiableSet(categories);
        }
    }

    /** The citizen's cases, by their case type in the seeded catalogue. */
    enum Kase {
        REGISTRATION("registration", "33-122.10-000042-2026", "a0000000-0000-4000-8000-000000000033"),
        VEHICLE_REGISTRATION("vehicle-registration", "36-142.10-000007-2025", "a0000000-0000-4000-8000-000000000036"),
        HOUSING_BENEFIT("housing-benefit", "50-470.10-000013-2025", "a0000000-0000-4000-8000-000000000050");

        final String label;
        final FileReference fileReference;
        final CaseId id;

        Kase(String label, String fileReference, String id) {
            this.label = label;
            this.fileReference = FileReference.parse(fileReference);
            this.id = new CaseId(UUID.fromString(id));
        }

        OfficeCode office() {
            return fileReference.office();
        }

        static final Map<CaseId, String> LABELS = Stream.of(values())
                .collect(Collectors.toMap(k -> k.id, k -> k.label));
    }

    /** One combination of the dimensions. */
    record Combo(Caller caller, Stated stated, Confidentiality confidentiality, CaseContext context,
                 Emergency emergency, InformationBlock block, Asked asked) {

        @Override
        public String toString() {
            return caller + " " + stated + " " + confidentiality + " " + context + " break-glass:" + emergency
                    + " block:" + block + " asked:" + asked;
        }

        /** The case whose state the context dimension sets: the caller's own office's, else 33's. */
        OfficeCode contextOffice() {
            return caller.isStaff() ? caller.office : Catalogue.RESIDENTS_REGISTRATION;
        }

        /** The citizen's cases in this combination. */
        List<Held> cases() {
            List<Held> held = new ArrayList<>();
            for (Kase k : Kase.values()) {
                Confidentiality level = k == Kase.HOUSING_BENEFIT ? confidentiality : Confidentiality.NORMAL;
                if (k.office().equals(contextOffice())) {
                    if (context != CaseContext.NO_CASE_OF_OWN_OFFICE) {
                        held.add(new Held(k, context == CaseContext.OPEN ? CaseStatus.OPEN : CaseStatus.CLOSED,
                                context.closedDaysAgo, level));
                    }
                } else {
                    held.add(switch (k) {
                        case REGISTRATION -> new Held(k, CaseStatus.IN_PROGRESS, 0, level);
                        case VEHICLE_REGISTRATION -> new Held(k, CaseStatus.CLOSED, 400, level);
                        case HOUSING_BENEFIT -> new Held(k, CaseStatus.DECIDED, 0, level);
                    });
                }
            }
            return held;
        }
    }

    /** One case of the citizen as the fixture holds it. */
    record Held(Kase kase, CaseStatus status, int closedDaysAgo, Confidentiality confidentiality) {

        CaseFact fact() {
            Instant closedAt = status == CaseStatus.CLOSED ? NOW.minus(Duration.ofDays(closedDaysAgo)) : null;
            return new CaseFact(kase.id, kase.fileReference, kase.office(), status, closedAt, confidentiality);
        }
    }

    /** What a decision says, in comparable form (cases by label, purpose by code). */
    record Verdict(AccessOutcome outcome, String rule, Set<DataCategory> granted, Set<DataCategory> notGranted,
                   Set<String> visibleCases, Set<String> casesWithEntries, boolean citizenVisibleEntriesOnly,
                   String purpose, boolean flagged) {

        static Verdict of(AccessDecision d) {
            return new Verdict(d.outcome(), d.rule(), categories(d.granted()), categories(d.notGranted()),
                    labels(d.visibleCases(), Kase.LABELS::get),
                    labels(d.casesWithEntries(), Kase.LABELS::get), d.citizenVisibleEntriesOnly(),
                    d.purpose() == null ? null : d.purpose().code().value(), d.flagged());
        }

        static Set<DataCategory> categories(Set<DataCategory> categories) {
            EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
            set.addAll(categories);
            return set;
        }

        static <T> Set<String> labels(Set<T> items, Function<T, String> label) {
            return items.stream().map(label).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The oracle

    /**
     * The issue's rules, sentence by sentence, as an independent second implementation. Where the
     * issue leaves a choice open, the comment says which reading is taken.
     */
    static final class Issue {

        /** "closed less than 90 days ago (configurable)". */
        static final int CONTEXT_DAYS = 90;

        /** Which cases a purpose may show: none, the office's own, or every office's. */
        enum Reach { NO_CASES, OWN_OFFICE, EVERY_OFFICE }

        /** A row of the seeded purposes table in docs/access-policy.md. */
        record SeededPurpose(String code, OfficeCode office, Set<DataCategory> categories, Reach reach) {
        }

        /** The office's catalogue: SACHBEARBEITUNG and AMTSHILFE everywhere, BMG-34 at 33, SGB-X-69 at 50. */
        static SeededPurpose purpose(OfficeCode office, String code) {
            return switch (code) {
                case "SACHBEARBEITUNG" -> new SeededPurpose(code, office,
                        EnumSet.allOf(DataCategory.class), Reach.OWN_OFFICE);
                case "AMTSHILFE" -> new SeededPurpose(code, office,
                        EnumSet.of(MASTER_DATA, CASE_SUMMARIES), Reach.EVERY_OFFICE);
                case "BMG-34" -> office.equals(OfficeCode.of("33")) ? new SeededPurpose(code, office,
                        EnumSet.of(MASTER_DATA, ADDRESS_HISTORY), Reach.NO_CASES) : null;
                case "SGB-X-69" -> office.equals(OfficeCode.of("50")) ? new SeededPurpose(code, office,
                        EnumSet.of(MASTER_DATA, ADDRESS_HISTORY, CASE_SUMMARIES), Reach.EVERY_OFFICE) : null;
                default -> null;
            };
        }

        static Verdict expected(Combo k) {
            Set<DataCategory> asked = k.asked().categories;
            return switch (k.caller()) {
                // "Admins manage catalogues, not citizen data." Break-glass is not theirs to use.
                case ADMIN -> denied("admin-no-citizen-data", asked, false);
                // "Citizens see only their own file ... the entries marked visible to the citizen,
                // never internal notes." All of their data (GDPR Art. 15), every case, also a blocked
                // or strictly confidential one: it is theirs.
                case CITIZEN_OWN_FILE -> new Verdict(AccessOutcome.GRANTED, "citizen-own-file", asked, Set.of(),
                        labels(k.cases()), labels(k.cases()), true, null, false);
                case CITIZEN_OTHER_FILE -> denied("citizen-own-file-only", asked, false);
                // "The data-protection officer sees access logs and the ledger, not case contents
                // (unless by break-glass)."
                case DPO -> k.emergency() == Emergency.NONE
                        ? denied("dpo-no-case-contents", asked, false) : breakGlass(k);
                default -> k.emergency() == Emergency.NONE ? staff(k) : breakGlass(k);
            };
        }

        /**
         * "an explicit justification ... opens a recorded grant for one citizen for a limited time
         * ..., within a per-person daily quota; the DPO is notified at once and every use awaits
         * review." A grant in force is used without a new justification and needs no quota; a use
         * sees every case, strictly confidential ones too ("except by break-glass").
         */
        static Verdict breakGlass(Combo k) {
            Set<DataCategory> asked = k.asked().categories;
            return switch (k.emergency()) {
                case QUOTA_EXHAUSTED -> denied("break-glass-quota", asked, true);
                case JUSTIFICATION -> new Verdict(AccessOutcome.BREAK_GLASS, "break-glass", asked, Set.of(),
                        labels(k.cases()), labels(k.cases()), false, null, true);
                case ACTIVE_GRANT -> new Verdict(AccessOutcome.BREAK_GLASS, "break-glass-grant", asked, Set.of(),
                        labels(k.cases()), labels(k.cases()), false, null, true);
                case NONE -> throw new IllegalStateException("no break-glass in " + k);
            };
        }

        static Verdict staff(Combo k) {
            OfficeCode own = k.caller().office;
            Set<DataCategory> asked = k.asked().categories;
            boolean blocked = k.block() != InformationBlock.NONE;
            // "Staff see their own office's cases of a citizen while their office has a case
            // context: a case that is open or was closed less than 90 days ago."
            Set<Kase> context = EnumSet.noneOf(Kase.class);
            for (Held c : k.cases()) {
                boolean open = c.status() != CaseStatus.CLOSED;
                if (c.kase().office().equals(own) && (open || c.closedDaysAgo() < CONTEXT_DAYS)) {
                    context.add(c.kase());
                }
            }
            // "a blocked citizen is never shown to other offices or in their searches; any look-up
            // needs break-glass and is flagged." An office with its own case context is not another
            // office; it keeps that context (flagged), but nothing beyond it.
            if (blocked && context.isEmpty()) {
                return denied("information-block", asked, true);
            }
            // "Anything else needs a stated purpose: a purpose code from the office's catalogue".
            SeededPurpose purpose = null;
            if (k.stated() != Stated.NONE) {
                purpose = purpose(own, k.stated().code);
                if (purpose == null) {
                    return denied("purpose-unknown", asked, blocked);
                }
            } else if (context.isEmpty()) {
                return denied("purpose-required", asked, false);
            }
            // What may be seen: the case context shows the office's own cases in context (master
            // data, their summaries and entries); the purpose its categories and the cases of the
            // offices it reaches; "Strictly confidential cases (social services) are never shown to
            // other offices".
            Set<DataCategory> allowed = EnumSet.noneOf(DataCategory.class);
            Set<Kase> summaries = EnumSet.noneOf(Kase.class);
            Set<Kase> entries = EnumSet.noneOf(Kase.class);
            if (!context.isEmpty()) {
                allowed.addAll(EnumSet.of(MASTER_DATA, CASE_SUMMARIES, CASE_ENTRIES));
                summaries.addAll(context);
                entries.addAll(context);
            }
            if (purpose != null && !blocked) {
                allowed.addAll(purpose.categories());
                for (Held c : k.cases()) {
                    boolean ownOffice = c.kase().office().equals(own);
                    boolean reached = switch (purpose.reach()) {
                        case NO_CASES -> false;
                        case OWN_OFFICE -> ownOffice;
                        case EVERY_OFFICE -> true;
                    };
                    boolean secret = !ownOffice && c.confidentiality() == Confidentiality.STRICTLY_CONFIDENTIAL;
                    if (reached && !secret) {
                        if (purpose.categories().contains(CASE_SUMMARIES)
                                || purpose.categories().contains(CASE_ENTRIES)) {
                            summaries.add(c.kase());
                        }
                        if (purpose.categories().contains(CASE_ENTRIES)) {
                            entries.add(c.kase());
                        }
                    }
                }
            }
            // "Only the categories the purpose allows are returned; the response names the data
            // categories not granted". Nothing of what was asked: "Everything not allowed is denied".
            Set<DataCategory> granted = EnumSet.noneOf(DataCategory.class);
            granted.addAll(asked);
            granted.retainAll(allowed);
            if (granted.isEmpty()) {
                return denied("category-not-granted", asked, blocked);
            }
            Set<DataCategory> notGranted = EnumSet.noneOf(DataCategory.class);
            notGranted.addAll(asked);
            notGranted.removeAll(allowed);
            String rule = purpose == null ? "case-context" : context.isEmpty() ? "purpose" : "case-context+purpose";
            return new Verdict(AccessOutcome.GRANTED, rule, granted, notGranted, names(summaries), names(entries),
                    false, purpose == null ? null : purpose.code(), blocked);
        }

        static Verdict denied(String rule, Set<DataCategory> asked, boolean flagged) {
            return new Verdict(AccessOutcome.DENIED, rule, Set.of(), asked, Set.of(), Set.of(), false, null, flagged);
        }

        static Set<String> labels(List<Held> cases) {
            return cases.stream().map(c -> c.kase().label).collect(Collectors.toCollection(TreeSet::new));
        }

        static Set<String> names(Set<Kase> cases) {
            return cases.stream().map(c -> c.label).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The matrix

    static List<Combo> all() {
        List<Combo> all = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Stated stated : Stated.values()) {
                for (Confidentiality level : List.of(Confidentiality.NORMAL, Confidentiality.STRICTLY_CONFIDENTIAL)) {
                    for (CaseContext context : CaseContext.values()) {
                        for (Emergency emergency : Emergency.values()) {
                            for (InformationBlock block : List.of(InformationBlock.NONE, InformationBlock.BLOCK)) {
                                for (Asked asked : Asked.values()) {
                                    all.add(new Combo(caller, stated, level, context, emergency, block, asked));
                                }
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    /**
     * Rows where policy and issue part: a staff look-up of a blocked citizen that is denied for its
     * stated purpose (the office has a case context, so information-block does not come first).
     */
    static boolean disputed(Combo k) {
        Verdict expected = Issue.expected(k);
        return expected.rule().equals("purpose-unknown") && expected.flagged();
    }

    static Stream<Combo> agreed() {
        return all().stream().filter(k -> !disputed(k));
    }

    static Stream<Combo> disputedRows() {
        return all().stream().filter(AccessPolicyMatrixTest::disputed);
    }

    static AccessRequest request(Combo k) {
        Actor actor = switch (k.caller()) {
            case STAFF_OF_THE_CASES_OFFICE, STAFF_OF_ANOTHER_OFFICE, STAFF_OF_SOCIAL_SERVICES ->
                    Actor.staff("staff-" + k.caller().office, k.caller().office);
            case CITIZEN_OWN_FILE, CITIZEN_OTHER_FILE -> new Actor(Role.CITIZEN, "citizen", null);
            case DPO -> new Actor(Role.DPO, "dpo", null);
            case ADMIN -> new Actor(Role.ADMIN, "admin", null);
        };
        CitizenId actorCitizen = switch (k.caller()) {
            case CITIZEN_OWN_FILE -> CITIZEN;
            case CITIZEN_OTHER_FILE -> ANOTHER_CITIZEN;
            default -> null;
        };
        StatedPurpose purpose = k.stated().code == null ? null
                : new StatedPurpose(new PurposeCode(k.stated().code), REASON, null);
        BreakGlass breakGlass = k.emergency() == Emergency.JUSTIFICATION || k.emergency() == Emergency.QUOTA_EXHAUSTED
                ? new BreakGlass(JUSTIFICATION) : null;
        boolean grantActive = k.emergency() == Emergency.ACTIVE_GRANT;
        int usesToday = switch (k.emergency()) {
            case NONE -> 0;
            case JUSTIFICATION -> QUOTA - 1;                 // the last one of the day
            case ACTIVE_GRANT, QUOTA_EXHAUSTED -> QUOTA;     // a grant in force outlives the quota
        };
        List<CaseFact> facts = k.cases().stream().map(Held::fact).toList();
        return new AccessRequest(actor, actorCitizen, CITIZEN, k.asked().categories, purpose, breakGlass, k.block(),
                facts, grantActive, usesToday, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreed")
    void givenCombination_whenDecided_thenPolicyAndIssueAgree(Combo k) {
        AccessDecision decision = POLICY.decide(request(k));

        assertThat(Verdict.of(decision)).isEqualTo(Issue.expected(k));
        assertThat(decision.explanation()).isNotBlank();
        for (Kase c : Kase.values()) {
            // a denial or an explanation never names a case, hidden or not
            assertThat(decision.explanation()).doesNotContain(c.fileReference.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disputedRows")
    void givenBlockedCitizenAndPurposeDenied_whenDecided_thenFlaggedAsTheIssueSays(Combo k) {
        assertThat(Verdict.of(POLICY.decide(request(k)))).isEqualTo(Issue.expected(k));
    }

    @Test
    void givenMatrix_whenEnumerated_thenItCoversEveryDimensionAndEveryRuleButTheFileReference() {
        List<Combo> all = all();

        assertThat(all).hasSize(7 * 6 * 2 * 4 * 4 * 2 * 2);
        Set<String> rules = all.stream().map(k -> Issue.expected(k).rule()).collect(Collectors.toSet());
        assertThat(rules).containsExactlyInAnyOrder("admin-no-citizen-data", "citizen-own-file", "citizen-own-file-only",
                        "dpo-no-case-contents", "break-glass", "break-glass-grant", "break-glass-quota",
                        "information-block", "purpose-unknown", "purpose-required", "category-not-granted",
                        "case-context", "purpose", "case-context+purpose");
        assertThat(all.stream().map(k -> Issue.expected(k).outcome()).distinct())
                .containsExactlyInAnyOrder(AccessOutcome.values());
        // the disputed rows: staff in their case context, blocked citizen, a code not in their catalogue
        // (33: 2 such codes, 36: 3, 50: 2) x 2 contexts x 2 confidentialities x 2 asks
        assertThat(disputedRows()).hasSize((2 + 3 + 2) * 2 * 2 * 2)
                .allSatisfy(k -> {
                    assertThat(k.caller().isStaff()).isTrue();
                    assertThat(k.context()).isIn(CaseContext.OPEN, CaseContext.CLOSED_10_DAYS_AGO);
                    assertThat(k.block()).isEqualTo(InformationBlock.BLOCK);
                    assertThat(k.emergency()).isEqualTo(Emergency.NONE);
                });
    }

    @Test
    void givenSeededPurposes_whenComparedWithTheOraclesTable_thenTheSame() {
        for (Purpose p : DefaultPurposes.of(Catalogue.defaults())) {
            Issue.SeededPurpose row = Issue.purpose(p.office(), p.code().value());

            assertThat(row).as(p.code() + " at " + p.office()).isNotNull();
            assertThat(p.categories()).as(p.code() + " categories").isEqualTo(row.categories());
            Issue.Reach reach = p.allOffices() ? Issue.Reach.EVERY_OFFICE
                    : p.caseOffices().equals(Set.of(p.office())) ? Issue.Reach.OWN_OFFICE
                    : p.caseOffices().isEmpty() ? Issue.Reach.NO_CASES : null;
            assertThat(reach).as(p.code() + " reach").isEqualTo(row.reach());
        }
        SeededPurposeDirectory directory = new SeededPurposeDirectory();
        for (var office : Catalogue.defaults().offices()) {
            for (Stated stated : Stated.values()) {
                if (stated.code != null) {
                    assertThat(directory.find(office.code(), new PurposeCode(stated.code)).isPresent())
                            .as(stated.code + " at " + office.code())
                            .isEqualTo(Issue.purpose(office.code(), stated.code) != null);
                }
            }
        }
    }
}
