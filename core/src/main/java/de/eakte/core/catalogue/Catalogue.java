package de.eakte.core.catalogue;

import de.eakte.core.shared.OfficeCode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offices and their case types. Reference data: the defaults below are seeded. Offices, case
 * types (and purposes) change by four-eyes changes, which the application lays over these
 * defaults (an {@link OfficeDirectory} and a {@link CaseTypeDirectory} of its own).
 */
public final class Catalogue implements CaseTypeDirectory, OfficeDirectory {

    private final Map<OfficeCode, Office> offices = new LinkedHashMap<>();
    private final Map<CaseTypeCode, CaseType> caseTypes = new LinkedHashMap<>();

    public Catalogue(Collection<Office> offices, Collection<CaseType> caseTypes) {
        offices.forEach(o -> this.offices.put(o.code(), o));
        for (CaseType type : caseTypes) {
            if (!this.offices.containsKey(type.office())) {
                throw new IllegalArgumentException("case type " + type.code() + " names unknown office " + type.office());
            }
            this.caseTypes.put(type.code(), type);
        }
    }

    public static final OfficeCode RESIDENTS_REGISTRATION = new OfficeCode("33");
    public static final OfficeCode VEHICLE_REGISTRATION = new OfficeCode("36");
    public static final OfficeCode TRADE_OFFICE = new OfficeCode("32");
    public static final OfficeCode SOCIAL_SERVICES = new OfficeCode("50");
    public static final OfficeCode BUILDING_AUTHORITY = new OfficeCode("63");

    /**
     * The seeded catalogue. Retention periods follow common municipal file plans; the legal
     * basis is named per type and is the controller's to confirm.
     */
    public static Catalogue defaults() {
        List<Office> offices = List.of(
                new Office(RESIDENTS_REGISTRATION, "Bürgeramt (Einwohnermeldeamt)"),
                new Office(VEHICLE_REGISTRATION, "Kfz-Zulassungsstelle"),
                new Office(TRADE_OFFICE, "Gewerbeamt"),
                new Office(SOCIAL_SERVICES, "Sozialamt"),
                new Office(BUILDING_AUTHORITY, "Bauaufsichtsamt"));
        List<CaseType> types = List.of(
                type("registration", RESIDENTS_REGISTRATION, "An-/Ummeldung", "122.10", 14,
                        Confidentiality.NORMAL, 5, DisposalKind.V, "BMG §§ 17, 14"),
                type("identity-card", RESIDENTS_REGISTRATION, "Personalausweis", "122.20", 21,
                        Confidentiality.NORMAL, 10, DisposalKind.V, "PAuswG § 23"),
                type("passport", RESIDENTS_REGISTRATION, "Reisepass", "122.21", 21,
                        Confidentiality.NORMAL, 10, DisposalKind.V, "PassG § 21"),
                type("vehicle-registration", VEHICLE_REGISTRATION, "Fahrzeugzulassung", "142.10", 7,
                        Confidentiality.NORMAL, 7, DisposalKind.V, "FZV § 32"),
                type("trade-registration", TRADE_OFFICE, "Gewerbeanmeldung", "131.10", 14,
                        Confidentiality.NORMAL, 10, DisposalKind.B, "GewO § 14"),
                type("housing-benefit", SOCIAL_SERVICES, "Wohngeld", "470.10", 30,
                        Confidentiality.STRICTLY_CONFIDENTIAL, 10, DisposalKind.V, "SGB X § 84, WoGG"),
                type("building-permit", BUILDING_AUTHORITY, "Baugenehmigung", "621.10", 90,
                        Confidentiality.NORMAL, 30, DisposalKind.A, "Landesbauordnung, ArchivG"));
        return new Catalogue(offices, types);
    }

    private static CaseType type(String code, OfficeCode office, String name, String filePlanKey, int targetDays,
                                 Confidentiality confidentiality, int retentionYears, DisposalKind disposal,
                                 String basis) {
        return new CaseType(new CaseTypeCode(code), office, name, filePlanKey, targetDays, confidentiality,
                retentionYears, disposal, basis);
    }

    @Override
    public Collection<Office> offices() {
        return offices.values();
    }

    @Override
    public Collection<CaseType> caseTypes() {
        return caseTypes.values();
    }

    @Override
    public Optional<Office> office(OfficeCode code) {
        return Optional.ofNullable(offices.get(code));
    }

    @Override
    public Optional<CaseType> caseType(CaseTypeCode code) {
        return Optional.ofNullable(caseTypes.get(code));
    }
}
