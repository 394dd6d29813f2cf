package de.eakte.api.demo;

import de.eakte.core.cases.AddEntry;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.ChangeCaseStatus;
import de.eakte.core.cases.ChangeDeadline;
import de.eakte.core.cases.DocumentMetadata;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.OpenCase;
import de.eakte.core.cases.Visibility;
import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.OpenCitizenFile;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.citizens.RecordMove;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Zones;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Plans a demo population: citizens of Leipzig with files, moves and cases in every office of the
 * catalogue, as the commands that create them. Everything, ids included, is drawn from one
 * {@link Random} with a fixed seed, so the same seed and the same "now" give the same plan; the
 * plan is complete before a single command is sent, so sending it in parallel changes nothing.
 */
public final class DemoData {

    public static final long DEFAULT_SEED = 20261121L;
    public static final int DEFAULT_CITIZENS = 300;

    /** One command and who sends it. */
    public record Step(Object command, Actor actor) {
    }

    /** Everything about one citizen, in the order it must be sent. */
    public record CitizenPlan(CitizenId citizenId, String correlationId, List<Step> steps) {
        public CitizenPlan {
            steps = List.copyOf(steps);
        }
    }

    public record Plan(List<CitizenPlan> citizens) {
        public Plan {
            citizens = List.copyOf(citizens);
        }

        public long count(Class<?> commandType) {
            return citizens.stream().flatMap(c -> c.steps().stream())
                    .filter(s -> commandType.isInstance(s.command())).count();
        }
    }

    private static final LocalDate BORN_FROM = LocalDate.of(1935, 1, 1);
    private static final LocalDate BORN_TO = LocalDate.of(2008, 12, 31);
    private static final double WITH_ID_NR = 0.70;
    private static final double MOVED = 0.15;

    private final Random random;
    private final Catalogue catalogue;
    private final Instant now;
    private final LocalDate today;
    private final String seedTag;
    private final Set<String> idNrs = new HashSet<>();

    private DemoData(long seed, Catalogue catalogue, Instant now) {
        this.random = new Random(seed);
        this.catalogue = catalogue;
        this.now = now;
        this.today = LocalDate.ofInstant(now, Zones.ADMINISTRATION);
        this.seedTag = Long.toString(seed);
    }

    /** The population for this seed; {@code now} is the clock's instant (moves and documents date back from it). */
    public static Plan plan(long seed, int citizens, Catalogue catalogue, Instant now) {
        if (citizens < 0) {
            throw new IllegalArgumentException("citizens must not be negative");
        }
        return new DemoData(seed, catalogue, now).plan(citizens);
    }

    // ---- citizens -------------------------------------------------------------------------------

    /** A citizen before their commands are written: enough to choose fitting cases. */
    private record Draft(CitizenId id, MasterData masterData, Address address, Address movedTo, LocalDate movedOn,
                         List<CaseType> caseTypes) {
        int ageOn(LocalDate day) {
            return masterData.dateOfBirth().until(day).getYears();
        }
    }

    private Plan plan(int count) {
        // quotas, not coin flips: "70 % with IdNr" should hold for every seed, not on average
        Set<Integer> withIdNr = sample(count, (int) Math.round(count * WITH_ID_NR));
        Set<Integer> moved = sample(count, (int) Math.round(count * MOVED));
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(draft(withIdNr.contains(i), moved.contains(i)));
        }
        coverEveryCaseType(drafts);
        List<CitizenPlan> plans = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            plans.add(commands(drafts.get(i), "demo-" + seedTag + "-" + String.format("%04d", i + 1)));
        }
        return new Plan(plans);
    }

    private Set<Integer> sample(int count, int size) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, random);
        return new HashSet<>(indices.subList(0, size));
    }

    private Draft draft(boolean withIdNr, boolean moved) {
        CitizenId id = new CitizenId(uuid());
        boolean female = random.nextBoolean();
        LocalDate born = BORN_FROM.plusDays(random.nextInt((int) (BORN_TO.toEpochDay() - BORN_FROM.toEpochDay() + 1)));
        String givenNames = givenNames(female, born.getYear());
        String familyName = pick(FAMILY_NAMES);
        String birthName = null;
        if (born.until(today).getYears() >= 22 && random.nextDouble() < (female ? 0.45 : 0.04)) {
            // married under the spouse's name; some keep their own as a Begleitname (BGB § 1355 Abs. 4)
            String own = pick(random.nextInt(4) == 0 ? RARE_FAMILY_NAMES : FAMILY_NAMES);
            if (!own.equals(familyName)) {
                birthName = own;
                if (random.nextInt(6) == 0) {
                    familyName = random.nextInt(3) == 0 ? own + "-" + familyName : familyName + "-" + own;
                }
            }
        }
        IdNr idNr = withIdNr ? idNr() : null;
        MasterData masterData = new MasterData(familyName, givenNames, birthName, born, placeOfBirth(born), idNr);
        Address address = address(null);
        Address movedTo = null;
        LocalDate movedOn = null;
        if (moved) {
            movedTo = address(address.street());
            movedOn = today.minusDays(1 + random.nextInt(700));
        }
        Draft draft = new Draft(id, masterData, address, movedTo, movedOn, new ArrayList<>());
        chooseCaseTypes(draft);
        return draft;
    }

    private String givenNames(boolean female, int year) {
        int decade = Math.max(0, Math.min(GIVEN_NAMES.length - 1, (year - 1930) / 10));
        List<String> names = GIVEN_NAMES[decade][female ? 0 : 1];
        String first = pick(names);
        if (random.nextInt(5) == 0) {
            String second = pick(names);
            if (!second.equals(first) && !second.contains("-") && !first.contains("-")) {
                return first + " " + second;
            }
        }
        return first;
    }

    private String placeOfBirth(LocalDate born) {
        if (born.getYear() <= 1945 && random.nextInt(7) == 0) {
            return pick(FORMER_EASTERN_CITIES);
        }
        String place = pick(PLACES_OF_BIRTH);
        // registers keep the name a place had at the birth: Chemnitz was Karl-Marx-Stadt in between
        boolean karlMarxStadt = !born.isBefore(LocalDate.of(1953, 5, 10)) && born.isBefore(LocalDate.of(1990, 6, 1));
        return place.equals("Chemnitz") && karlMarxStadt ? "Karl-Marx-Stadt" : place;
    }

    /** Old rule of the IdNr (before 2016): among the first ten digits exactly one appears twice. */
    private IdNr idNr() {
        while (true) {
            List<Character> digits = new ArrayList<>();
            for (char d = '0'; d <= '9'; d++) {
                digits.add(d);
            }
            Collections.shuffle(digits, random);
            digits.set(9, digits.get(random.nextInt(9)));
            Collections.shuffle(digits, random);
            if (digits.get(0) == '0') {
                continue;
            }
            StringBuilder first10 = new StringBuilder();
            digits.forEach(first10::append);
            String value = first10.toString() + IdNr.checkDigit(first10.toString());
            if (idNrs.add(value)) {
                return new IdNr(value);
            }
        }
    }

    private Address address(String otherThan) {
        String[] street;
        do {
            street = STREETS[random.nextInt(STREETS.length)];
        } while (street[0].equals(otherThan));
        String houseNumber = Integer.toString(1 + random.nextInt(random.nextInt(4) == 0 ? 160 : 60));
        if (random.nextInt(8) == 0) {
            houseNumber += (char) ('a' + random.nextInt(3));
        }
        return new Address(street[0], houseNumber, new Postcode(street[1]), "Leipzig");
    }

    // ---- cases --------------------------------------------------------------------------------

    private void chooseCaseTypes(Draft draft) {
        if (draft.movedTo() != null) {
            catalogue.caseTypes().stream().filter(t -> t.code().value().equals("registration"))
                    .findFirst().ifPresent(draft.caseTypes()::add);
        }
        int wanted = switch (random.nextInt(20)) {
            case 0, 1, 2 -> 3;
            case 3, 4, 5, 6, 7, 8, 9 -> 2;
            default -> 1;
        };
        while (draft.caseTypes().size() < wanted) {
            List<CaseType> candidates = new ArrayList<>();
            for (CaseType type : catalogue.caseTypes()) {
                if (fits(draft, type) && !draft.caseTypes().contains(type)) {
                    for (int w = theme(type).weight(); w > 0; w--) {
                        candidates.add(type);
                    }
                }
            }
            if (candidates.isEmpty()) {
                return;
            }
            draft.caseTypes().add(candidates.get(random.nextInt(candidates.size())));
        }
    }

    /** A small population may miss a rare type by chance; the demo shows every office, so add one. */
    private void coverEveryCaseType(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        for (CaseType type : catalogue.caseTypes()) {
            if (drafts.stream().anyMatch(d -> d.caseTypes().contains(type))) {
                continue;
            }
            int start = random.nextInt(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                Draft draft = drafts.get((start + i) % drafts.size());
                if (fits(draft, type)) {
                    draft.caseTypes().add(type);
                    break;
                }
            }
        }
    }

    private boolean fits(Draft draft, CaseType type) {
        return draft.ageOn(today) >= theme(type).minimumAge();
    }

    private CitizenPlan commands(Draft draft, String correlationId) {
        List<Step> steps = new ArrayList<>();
        Actor registrar = staff(Catalogue.RESIDENTS_REGISTRATION);
        steps.add(new Step(new OpenCitizenFile(draft.id(), draft.masterData(), draft.address(), registrar), registrar));
        if (draft.movedTo() != null) {
            steps.add(new Step(new RecordMove(draft.id(), draft.movedTo(), draft.movedOn(), registrar, null), registrar));
        }
        boolean first = true;
        for (CaseType type : draft.caseTypes()) {
            boolean move = first && draft.movedTo() != null && type.code().value().equals("registration");
            caseSteps(draft, type, move, steps);
            first = false;
        }
        return new CitizenPlan(draft.id(), correlationId, steps);
    }

    private void caseSteps(Draft draft, CaseType type, boolean move, List<Step> steps) {
        Theme theme = theme(type);
        Actor clerk = staff(type.office());
        CaseId caseId = new CaseId(uuid());
        String subject = move ? "Ummeldung innerhalb Leipzigs" : fill(pick(theme.subjects()), draft);
        steps.add(new Step(new OpenCase(caseId, draft.id(), type.code(), subject, null, null, clerk), clerk));
        CaseStatus target = pick(FINAL_STATUSES);
        Cases c = new Cases(caseId, clerk, steps);

        if (random.nextInt(5) != 0) {
            c.document(pick(theme.documents()), Visibility.CITIZEN);
        } else {
            c.letter(EntryKind.INCOMING_LETTER, "Betreff: " + subject + ". Sehr geehrte Damen und Herren, anbei mein "
                    + "Anliegen; für Rückfragen bin ich telefonisch erreichbar. Mit freundlichen Grüßen "
                    + draft.masterData().givenNames().split(" ")[0] + " " + draft.masterData().familyName());
        }
        if (target == CaseStatus.OPEN) {
            return;
        }
        if (target == CaseStatus.CLOSED && random.nextInt(8) == 0) {
            c.note("Antrag am Telefon zurückgenommen; Vorgang ohne Bescheid abgeschlossen.");
            c.status(CaseStatus.CLOSED);
            return;
        }
        c.status(CaseStatus.IN_PROGRESS);
        if (random.nextInt(10) < 7) {
            c.note(fill(pick(theme.notes()), draft));
        }
        if (random.nextInt(7) == 0) {
            c.document("Prüfvermerk " + type.name(), Visibility.INTERNAL);
        }
        if (target == CaseStatus.WAITING_FOR_CITIZEN || random.nextInt(10) < 3) {
            Request request = pick(theme.requests());
            c.letter(EntryKind.OUTGOING_LETTER, "Für die weitere Bearbeitung benötigen wir noch " + request.asked()
                    + ". Bitte reichen Sie die Unterlagen innerhalb von zwei Wochen nach.");
            c.status(CaseStatus.WAITING_FOR_CITIZEN);
            if (random.nextInt(2) == 0) {
                steps.add(new Step(new ChangeDeadline(caseId, today.plusDays(type.targetDays() + 14L), clerk, null), clerk));
            }
            if (target == CaseStatus.WAITING_FOR_CITIZEN) {
                return;
            }
            if (random.nextBoolean()) {
                c.document(request.document(), Visibility.CITIZEN);
            } else {
                c.letter(EntryKind.INCOMING_LETTER, "Anbei sende ich die angeforderten Unterlagen.");
            }
            c.status(CaseStatus.IN_PROGRESS);
        }
        if (target == CaseStatus.IN_PROGRESS) {
            return;
        }
        c.letter(EntryKind.OUTGOING_LETTER, fill(pick(theme.decisions()), draft));
        c.status(CaseStatus.DECIDED);
        if (target == CaseStatus.CLOSED) {
            c.note("Bescheid zugestellt, keine Rechtsbehelfe eingegangen. zdA.");
            c.status(CaseStatus.CLOSED);
        }
    }

    /** Writes one case's entries and status moves. */
    private final class Cases {
        private final CaseId caseId;
        private final Actor clerk;
        private final List<Step> steps;

        Cases(CaseId caseId, Actor clerk, List<Step> steps) {
            this.caseId = caseId;
            this.clerk = clerk;
            this.steps = steps;
        }

        void note(String text) {
            add(EntryKind.NOTE, Visibility.INTERNAL, text, null);
        }

        void letter(EntryKind kind, String text) {
            add(kind, Visibility.CITIZEN, text, null);
        }

        void document(String title, Visibility visibility) {
            add(EntryKind.DOCUMENT, visibility, null, documentMetadata(title));
        }

        void status(CaseStatus status) {
            steps.add(new Step(new ChangeCaseStatus(caseId, status, clerk, null), clerk));
        }

        private void add(EntryKind kind, Visibility visibility, String text, DocumentMetadata document) {
            steps.add(new Step(new AddEntry(caseId, new EntryId(uuid()), kind, visibility, text, document, clerk, null),
                    clerk));
        }
    }

    /** A scan's metadata with the digest of generated bytes that begin like a real file of its type. */
    private DocumentMetadata documentMetadata(String title) {
        boolean photo = title.contains("Lichtbild");
        byte[] head = (photo ? "\u00ff\u00d8\u00ff\u00e0" : "%PDF-1.7\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[head.length + (photo ? 20_000 : 30_000) + random.nextInt(photo ? 40_000 : 150_000)];
        random.nextBytes(bytes);
        System.arraycopy(head, 0, bytes, 0, head.length);
        Instant receivedAt = now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        return new DocumentMetadata(title, photo ? "image/jpeg" : "application/pdf", bytes.length, sha256(bytes),
                receivedAt);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private Actor staff(OfficeCode office) {
        List<String> names = STAFF.getOrDefault(office.value(), List.of("demo-" + office.value()));
        return Actor.staff(pick(names), office);
    }

    /** Fills a template's {city}, {plate}, {amount} and {street}. */
    private String fill(String template, Draft draft) {
        String text = template;
        if (text.contains("{city}")) {
            text = text.replace("{city}", pick(PLACES_OF_BIRTH.stream().filter(p -> !p.equals("Leipzig")).toList()));
        }
        if (text.contains("{plate}")) {
            // Leipzig plates: L, one or two letters, up to four digits
            text = text.replace("{plate}", "L-" + letters(1 + random.nextInt(2)) + " " + (1 + random.nextInt(9999)));
        }
        if (text.contains("{amount}")) {
            text = text.replace("{amount}", Integer.toString(80 + random.nextInt(420)));
        }
        if (text.contains("{street}")) {
            Address home = draft.movedTo() != null ? draft.movedTo() : draft.address();
            text = text.replace("{street}", home.street() + " " + home.houseNumber());
        }
        return text;
    }

    private String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** A version-4-shaped UUID from the seeded stream, so ids repeat with the seed. */
    private UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // ---- vocabulary ---------------------------------------------------------------------------

    /** What a case of one type reads like. {@code minimumAge}: who can plausibly file one. */
    private record Theme(int weight, int minimumAge, List<String> subjects, List<String> documents,
                         List<String> notes, List<Request> requests, List<String> decisions) {
    }

    /** What the office asks the citizen for, and the document that answers it. */
    private record Request(String asked, String document) {
    }

    private Theme theme(CaseType type) {
        Theme theme = THEMES.get(type.code().value());
        return theme != null ? theme : new Theme(5, 18, List.of(type.name()), List.of("Antrag (Scan)"),
                List.of("Unterlagen vollständig."),
                List.of(new Request("eine Kopie Ihres Ausweises", "Ausweiskopie")),
                List.of("Ihrem Antrag wird entsprochen."));
    }

    private static final Map<String, Theme> THEMES = Map.of(
            "registration", new Theme(22, 16,
                    List.of("Anmeldung nach Zuzug aus {city}", "Anmeldung einer Nebenwohnung", "Erweiterte Meldebescheinigung",
                            "Eintragung einer Übermittlungssperre"),
                    List.of("Wohnungsgeberbestätigung", "Meldeschein (Scan)"),
                    List.of("Wohnungsgeberbestätigung liegt vor, Angaben geprüft.",
                            "Abgleich mit dem Melderegister ohne Auffälligkeiten."),
                    List.of(new Request("die Wohnungsgeberbestätigung Ihres Vermieters (§ 19 BMG)", "Wohnungsgeberbestätigung")),
                    List.of("Ihr Anliegen ist erledigt; die Bescheinigung über Ihre Meldung (Anschrift: {street}) liegt bei.")),
            "identity-card", new Theme(20, 16,
                    List.of("Antrag auf Personalausweis", "Verlust des Personalausweises",
                            "Antrag auf vorläufigen Personalausweis"),
                    List.of("Biometrisches Lichtbild", "Verlustanzeige der Polizei"),
                    List.of("Antrag an die Bundesdruckerei übermittelt.", "Lichtbild entspricht nicht der Fotomustertafel, neues angefordert."),
                    List.of(new Request("ein aktuelles biometrisches Lichtbild", "Biometrisches Lichtbild")),
                    List.of("Ihr Personalausweis liegt zur Abholung im Bürgeramt bereit. Bitte bringen Sie den bisherigen Ausweis mit.")),
            "passport", new Theme(10, 16,
                    List.of("Antrag auf Reisepass", "Antrag auf Express-Reisepass", "Antrag auf vorläufigen Reisepass"),
                    List.of("Biometrisches Lichtbild", "Flugbuchung (Nachweis der Eilbedürftigkeit)"),
                    List.of("Gebühr bar entrichtet.", "Expresszuschlag erhoben, Eilbedürftigkeit glaubhaft."),
                    List.of(new Request("ein aktuelles biometrisches Lichtbild", "Biometrisches Lichtbild"),
                            new Request("einen Nachweis der Eilbedürftigkeit", "Flugbuchung (Nachweis der Eilbedürftigkeit)")),
                    List.of("Ihr Reisepass liegt zur Abholung im Bürgeramt bereit.")),
            "vehicle-registration", new Theme(15, 18,
                    List.of("Zulassung Pkw", "Zulassung Pkw mit Wunschkennzeichen", "Umschreibung Pkw nach Halterwechsel",
                            "Außerbetriebsetzung Pkw", "Zulassung Motorrad"),
                    List.of("Zulassungsbescheinigung Teil II (Scan)", "Versicherungsbestätigung (eVB)",
                            "SEPA-Lastschriftmandat Kfz-Steuer"),
                    List.of("eVB-Nummer geprüft, gültig.", "Nachweis der Hauptuntersuchung liegt vor."),
                    List.of(new Request("die Zulassungsbescheinigung Teil II im Original", "Zulassungsbescheinigung Teil II (Scan)"),
                            new Request("ein SEPA-Lastschriftmandat für die Kfz-Steuer", "SEPA-Lastschriftmandat Kfz-Steuer")),
                    List.of("Das Fahrzeug ist zugelassen, Kennzeichen {plate}. Die Zulassungsbescheinigung Teil I liegt bei.")),
            "trade-registration", new Theme(8, 18,
                    List.of("Gewerbeanmeldung Friseursalon", "Gewerbeanmeldung Onlinehandel", "Gewerbeanmeldung Hausmeisterservice",
                            "Gewerbeummeldung Café", "Gewerbeabmeldung Kiosk", "Gewerbeanmeldung Fahrradwerkstatt",
                            "Gewerbeanmeldung Kosmetikstudio"),
                    List.of("Vordruck GewA 1 (unterschrieben)", "Handwerkskarte (Kopie)"),
                    List.of("Mitteilung an Finanzamt und IHK zu Leipzig versandt.", "Eintragung in die Handwerksrolle nachgewiesen."),
                    List.of(new Request("den unterschriebenen Vordruck GewA 1", "Vordruck GewA 1 (unterschrieben)")),
                    List.of("Der Empfang Ihrer Gewerbeanzeige wird bestätigt (§ 15 Abs. 1 GewO).")),
            "housing-benefit", new Theme(12, 18,
                    List.of("Antrag auf Wohngeld", "Weiterleistungsantrag Wohngeld", "Wohngeld – Änderung des Einkommens"),
                    List.of("Mietbescheinigung", "Einkommensnachweise (Lohnabrechnungen)", "Rentenbescheid"),
                    List.of("Einkommen der Haushaltsmitglieder berechnet.", "Höchstbetrag der Miete geprüft."),
                    List.of(new Request("die Mietbescheinigung Ihres Vermieters", "Mietbescheinigung"),
                            new Request("die Einkommensnachweise der letzten drei Monate", "Einkommensnachweise (Lohnabrechnungen)")),
                    List.of("Ihnen wird Wohngeld in Höhe von {amount} € monatlich für zwölf Monate bewilligt.")),
            "building-permit", new Theme(5, 25,
                    List.of("Bauantrag Carport", "Bauantrag Einfamilienhaus", "Bauantrag Gartenhaus",
                            "Bauvoranfrage Dachgeschossausbau", "Bauantrag Wintergarten", "Nutzungsänderung Laden zu Wohnung"),
                    List.of("Bauzeichnungen", "Amtlicher Lageplan", "Baubeschreibung", "Standsicherheitsnachweis"),
                    List.of("Abstandsflächen eingehalten.", "Stellungnahme der Denkmalschutzbehörde angefordert."),
                    List.of(new Request("einen amtlichen Lageplan", "Amtlicher Lageplan"),
                            new Request("den Standsicherheitsnachweis", "Standsicherheitsnachweis")),
                    List.of("Die Baugenehmigung wird mit Nebenbestimmungen erteilt.")));

    private static final List<CaseStatus> FINAL_STATUSES = weighted(
            CaseStatus.OPEN, 12, CaseStatus.IN_PROGRESS, 25, CaseStatus.WAITING_FOR_CITIZEN, 15,
            CaseStatus.DECIDED, 20, CaseStatus.CLOSED, 28);

    private static final Map<String, List<String>> STAFF = Map.of(
            "33", List.of("a.krause", "m.hofmann", "s.yilmaz"),
            "36", List.of("t.lehmann", "j.wagner"),
            "32", List.of("k.fiedler", "r.schubert"),
            "50", List.of("c.neumann", "d.arnold", "p.seidel"),
            "63", List.of("h.zimmermann", "u.brandt"));

    /** Frequent names weigh more, so a search for Müller or Meier finds many (and the spellings vary). */
    private static final List<String> FAMILY_NAMES = weighted(
            "Müller", 14, "Schmidt", 11, "Schneider", 6, "Fischer", 5, "Weber", 5, "Meyer", 5, "Meier", 4,
            "Maier", 3, "Mayer", 2, "Wagner", 4, "Becker", 4, "Schulz", 5, "Hoffmann", 4, "Schäfer", 3,
            "Koch", 3, "Bauer", 3, "Richter", 4, "Klein", 2, "Wolf", 3, "Schröder", 3, "Neumann", 4,
            "Schwarz", 2, "Zimmermann", 3, "Braun", 2, "Krüger", 3, "Hofmann", 3, "Hartmann", 3, "Lange", 3,
            "Werner", 3, "Krause", 4, "Lehmann", 4, "Schulze", 4, "Köhler", 3, "Herrmann", 2, "König", 2,
            "Walter", 2, "Kaiser", 2, "Fuchs", 2, "Scholz", 3, "Möller", 2, "Weiß", 2, "Jung", 1, "Hahn", 2,
            "Schubert", 3, "Vogel", 3, "Friedrich", 3, "Günther", 3, "Winkler", 3, "Lorenz", 3, "Baumann", 2,
            "Franke", 3, "Albrecht", 2, "Böhm", 2, "Jäger", 2, "Otto", 2, "Sommer", 2, "Groß", 2, "Seidel", 3,
            "Heinrich", 2, "Brandt", 2, "Kühn", 2, "Pohl", 2, "Voigt", 3, "Arnold", 2, "Böttcher", 2,
            "Uhlig", 2, "Seifert", 2, "Thiele", 2, "Ebert", 2, "Fröhlich", 1, "Rößler", 1, "Kretzschmar", 1,
            "Löffler", 1, "Hähnel", 1, "Große", 1, "Grünewald", 1, "Höhne", 1, "Nowak", 1, "Kowalski", 1,
            "Nguyen", 1);

    private static final List<String> RARE_FAMILY_NAMES = List.of(
            "Lüdenscheidt", "Wöhrle", "Großkopf", "Thümmler", "Jähnig", "Kühnel", "Däbritz", "Schönherr",
            "Gläser", "Dietze", "Päßler", "Mühlberg");

    /** Given names by decade of birth (1930s to 2000s), women first; East German fashions included. */
    @SuppressWarnings("unchecked")
    private static final List<String>[][] GIVEN_NAMES = new List[][] {
            {List.of("Ursula", "Gertrud", "Ilse", "Helga", "Ingeborg", "Erika", "Margarete", "Hildegard", "Gisela",
                    "Irmgard", "Elfriede", "Lieselotte"),
             List.of("Horst", "Heinz", "Günter", "Werner", "Gerhard", "Helmut", "Walter", "Kurt", "Herbert",
                    "Karl-Heinz", "Rudolf", "Joachim")},
            {List.of("Christa", "Renate", "Karin", "Brigitte", "Monika", "Helga", "Ingrid", "Marianne", "Bärbel",
                    "Gudrun", "Rosemarie", "Hannelore"),
             List.of("Peter", "Klaus", "Hans-Jürgen", "Wolfgang", "Dieter", "Manfred", "Jürgen", "Bernd",
                    "Siegfried", "Rolf", "Lothar", "Eberhard")},
            {List.of("Sabine", "Gabriele", "Petra", "Angelika", "Birgit", "Cornelia", "Heike", "Regina", "Ute",
                    "Martina", "Marion", "Jutta"),
             List.of("Frank", "Uwe", "Thomas", "Michael", "Andreas", "Rainer", "Hartmut", "Jörg", "Ralf",
                    "Detlef", "Wolfgang", "Bernd")},
            {List.of("Kerstin", "Anke", "Silke", "Simone", "Susanne", "Katrin", "Andrea", "Claudia", "Sandra",
                    "Yvonne", "Antje", "Jana"),
             List.of("Jens", "Torsten", "Steffen", "Matthias", "Frank", "René", "Dirk", "Olaf", "Holger", "Sven",
                    "Carsten", "Jörg")},
            {List.of("Mandy", "Peggy", "Nadine", "Nicole", "Anja", "Katja", "Stefanie", "Daniela", "Manuela",
                    "Ines", "Diana", "Doreen"),
             List.of("Ronny", "Enrico", "Marco", "Daniel", "Sebastian", "Christian", "René", "Tobias", "Stefan",
                    "Maik", "Sven", "Mario")},
            {List.of("Julia", "Christin", "Sarah", "Anne", "Franziska", "Maria", "Stephanie", "Jennifer", "Susann",
                    "Jessica", "Kristin", "Anne-Kathrin"),
             List.of("Philipp", "Martin", "Christoph", "Tom", "Paul", "Robert", "Florian", "Kevin", "Patrick",
                    "Benjamin", "Toni", "Felix")},
            {List.of("Lisa", "Laura", "Anna", "Lena", "Sophie", "Josephine", "Marie", "Vanessa", "Jacqueline",
                    "Johanna", "Luise", "Michelle"),
             List.of("Lukas", "Max", "Jonas", "Niklas", "Erik", "Tim", "Kevin", "Moritz", "Pascal", "Jan", "Leon",
                    "Justin")},
            {List.of("Lea", "Emma", "Hannah", "Mia", "Leonie", "Lena", "Emily", "Jule", "Charlotte", "Pauline",
                    "Clara", "Greta"),
             List.of("Leon", "Luca", "Finn", "Noah", "Ben", "Elias", "Jonas", "Paul", "Felix", "Maximilian",
                    "Niklas", "Anton")}};

    private static final List<String> PLACES_OF_BIRTH = weighted(
            "Leipzig", 40, "Dresden", 6, "Chemnitz", 5, "Halle (Saale)", 5, "Berlin", 4, "Zwickau", 2, "Plauen", 2,
            "Magdeburg", 2, "Erfurt", 2, "Gera", 2, "Borna", 2, "Wurzen", 2, "Grimma", 2, "Delitzsch", 2,
            "Torgau", 1, "Eilenburg", 1, "Döbeln", 1, "Altenburg", 1, "Merseburg", 1, "Bitterfeld", 1,
            "Görlitz", 1, "Bautzen", 1, "Cottbus", 1, "Rostock", 1, "Hamburg", 1, "München", 1, "Köln", 1,
            "Hannover", 1, "Frankfurt am Main", 1, "Nürnberg", 1, "Stuttgart", 1);

    private static final List<String> FORMER_EASTERN_CITIES = List.of("Breslau", "Königsberg", "Stettin", "Reichenberg");

    /** Leipzig streets with one of their real postcodes. */
    private static final String[][] STREETS = {
            {"Hauptstraße", "04288"}, {"Karl-Liebknecht-Straße", "04275"}, {"Eisenbahnstraße", "04315"},
            {"Karl-Heine-Straße", "04229"}, {"Georg-Schwarz-Straße", "04177"}, {"Merseburger Straße", "04177"},
            {"Lützner Straße", "04177"}, {"Georg-Schumann-Straße", "04155"}, {"Lindenthaler Straße", "04155"},
            {"Coppistraße", "04157"}, {"Sternwartenstraße", "04103"}, {"Dresdner Straße", "04317"},
            {"Kohlgartenstraße", "04315"}, {"Torgauer Straße", "04347"}, {"Riebeckstraße", "04317"},
            {"Wurzner Straße", "04315"}, {"Bernhard-Göring-Straße", "04275"}, {"Kochstraße", "04275"},
            {"Arno-Nitzsche-Straße", "04277"}, {"Wolfgang-Heinze-Straße", "04277"}, {"Bornaische Straße", "04277"},
            {"Kurt-Eisner-Straße", "04275"}, {"Gorkistraße", "04347"}, {"Holzhäuser Straße", "04299"},
            {"Zschochersche Straße", "04229"}, {"Antonienstraße", "04229"}, {"Waldstraße", "04105"},
            {"Jahnallee", "04109"}, {"Gottschedstraße", "04109"}, {"Lampestraße", "04107"},
            {"Hohe Straße", "04107"}, {"Mockauer Straße", "04357"}, {"Stuttgarter Allee", "04209"},
            {"Ratzelstraße", "04207"}, {"Paunsdorfer Allee", "04329"}, {"Permoserstraße", "04318"},
            {"Delitzscher Straße", "04129"}, {"Könneritzstraße", "04229"}, {"Täubchenweg", "04317"},
            {"Gohliser Straße", "04105"}, {"Hans-Driesch-Straße", "04179"}, {"Stötteritzer Straße", "04317"}};

    /** Alternating value, weight: each value repeated weight times. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> weighted(Object... valuesAndWeights) {
        List<T> list = new ArrayList<>();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            for (int w = (Integer) valuesAndWeights[i + 1]; w > 0; w--) {
                list.add((T) valuesAndWeights[i]);
            }
        }
        return List.copyOf(list);
    }
}
