package de.eakte.bench;

import de.eakte.bench.load.Load;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A realistic population created through the server's own API (so every event, key and read
 * model is what production would hold), or with {@code --bulk} through the same command handlers
 * in batches (BulkDataController in the server extension): citizens with German names (the usual
 * collisions: Müller/Mueller, Meyer/Meier/Maier), addresses in one city, valid IdNr; cases spread
 * over the seeded offices and case types, every citizen with at least one Bürgeramt case.
 */
final class DataSet {

    static final String[] FAMILY = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Meier", "Maier",
            "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
            "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
            "Schmitt", "Werner", "Schmitz", "Krause", "Lehmann", "Schulze", "Köhler", "Herrmann", "König", "Walter",
            "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
            "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
            "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
            "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
            "Brandt", "Haas", "Schreiber", "Graf", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn",
            "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Yılmaz", "Nowak", "Kowalski"};
    static final String[] GIVEN = {"Jürgen", "Erika", "Max", "Anna", "Peter", "Maria", "Thomas", "Ursula", "Michael",
            "Monika", "Andreas", "Petra", "Stefan", "Sabine", "Frank", "Renate", "Klaus", "Karin", "Wolfgang",
            "Helga", "Hans", "Brigitte", "Uwe", "Gisela", "Lukas", "Sophie", "Leon", "Marie", "Finn", "Emilia",
            "Jonas", "Hannah", "Paul", "Mia", "Felix", "Lena", "Elias", "Lea", "Ben", "Emma", "Noah", "Clara",
            "Jörg", "Käthe", "Günter", "Bärbel", "Dieter", "Ingrid", "Horst", "Gertrud", "Ali", "Ayşe", "Piotr", "Katarzyna"};
    static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Eisenbahnstraße", "Karl-Liebknecht-Straße",
            "Gartenweg", "Schulstraße", "Lindenallee", "Am Markt", "Dorfstraße", "Bergstraße", "Waldstraße",
            "Goethestraße", "Schillerstraße", "Jahnallee", "Kirchplatz"};
    static final String[] PLACES = {"Leipzig", "Dresden", "Chemnitz", "Halle (Saale)", "Berlin", "Köln", "München",
            "Erfurt", "Magdeburg", "Hamburg", "Istanbul", "Warszawa"};
    /** office, case type, subject, weight in percent */
    static final String[][] CASE_TYPES = {
            {"33", "registration", "Anmeldung einer Wohnung", "25"},
            {"33", "identity-card", "Antrag auf Personalausweis", "15"},
            {"33", "passport", "Antrag auf Reisepass", "10"},
            {"36", "vehicle-registration", "Zulassung eines Fahrzeugs", "20"},
            {"32", "trade-registration", "Gewerbeanmeldung Einzelhandel", "10"},
            {"50", "housing-benefit", "Antrag auf Wohngeld", "10"},
            {"63", "building-permit", "Bauantrag Einfamilienhaus", "10"}};
    static final String[] OFFICES = {"33", "36", "32", "50", "63"};

    final String[] citizenIds;
    final String[] familyNames;
    final String[] givenNames;
    final int[] birthYears;
    final AtomicLong casesCreated = new AtomicLong();

    private DataSet(int citizens) {
        citizenIds = new String[citizens];
        familyNames = new String[citizens];
        givenNames = new String[citizens];
        birthYears = new int[citizens];
    }

    int size() {
        return citizenIds.length;
    }

    static String idNr(long index) {
        String digits = Long.toString(1_000_000_000L + index);
        return digits + checkDigit(digits);
    }

    /** ISO/IEC 7064 MOD 11,10, as the IdNr carries it. */
    static int checkDigit(String digits) {
        int product = 10;
        for (int i = 0; i < digits.length(); i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String[] caseType(SplittableRandom r) {
        int x = r.nextInt(100);
        for (String[] t : CASE_TYPES) {
            x -= Integer.parseInt(t[3]);
            if (x < 0) {
                return t;
            }
        }
        return CASE_TYPES[0];
    }

    static String openCaseBody(String[] type, long n) {
        return "{\"caseType\":" + json(type[1]) + ",\"subject\":" + json(type[2] + " Nr. " + n) + "}";
    }

    /**
     * Citizen {@code index} of the data set of {@code seed}: the one description both paths send
     * (over the API one by one, or in bulk batches), so the same seed gives the same people.
     */
    record CitizenRow(String familyName, String givenNames, int birthYear, String dateOfBirth, String placeOfBirth,
                      String idNr, String street, String houseNumber, String postcode, String city) {

        static CitizenRow of(long seed, int index) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
            String family = FAMILY[r.nextInt(FAMILY.length)];
            String given = GIVEN[r.nextInt(GIVEN.length)];
            int year = 1930 + r.nextInt(78);
            String dateOfBirth = String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
            String place = PLACES[r.nextInt(PLACES.length)];
            String street = STREETS[r.nextInt(STREETS.length)];
            String houseNumber = (1 + r.nextInt(180)) + (r.nextInt(8) == 0 ? "a" : "");
            String postcode = String.format(Locale.ROOT, "04%03d", r.nextInt(400));
            return new CitizenRow(family, given, year, dateOfBirth, place, DataSet.idNr(index), street, houseNumber, postcode, "Leipzig");
        }

        /** The body of {@code POST /api/citizens}. */
        String apiBody() {
            return "{\"familyName\":" + json(familyName) + ",\"givenNames\":" + json(givenNames) + ",\"dateOfBirth\":"
                    + json(dateOfBirth) + ",\"placeOfBirth\":" + json(placeOfBirth) + ",\"idNr\":" + json(idNr)
                    + ",\"address\":{\"street\":" + json(street) + ",\"houseNumber\":" + json(houseNumber)
                    + ",\"postcode\":" + json(postcode) + ",\"city\":" + json(city) + "}}";
        }

        /** An item of {@code POST /bench/bulk/citizens}: the same fields, the address flat. */
        String bulkItem() {
            return "{\"familyName\":" + json(familyName) + ",\"givenNames\":" + json(givenNames) + ",\"dateOfBirth\":"
                    + json(dateOfBirth) + ",\"placeOfBirth\":" + json(placeOfBirth) + ",\"idNr\":" + json(idNr)
                    + ",\"street\":" + json(street) + ",\"houseNumber\":" + json(houseNumber)
                    + ",\"postcode\":" + json(postcode) + ",\"city\":" + json(city) + "}";
        }
    }

    /**
     * Case {@code index} of the data set of {@code seed}: whose it is, its type by the types'
     * shares, its subject. The first case of every citizen is the Bürgeramt's registration, so
     * every file has one.
     */
    record CaseRow(int citizenIndex, String[] type, String subject) {

        static CaseRow of(long seed, int index, int citizens) {
            SplittableRandom r = new SplittableRandom(seed * 7_000_003L + index);
            String[] type = index < citizens ? CASE_TYPES[0] : caseType(r);
            return new CaseRow(index % citizens, type, type[2] + " Nr. " + index);
        }

        String office() {
            return type[0];
        }

        /** The body of {@code POST /api/citizens/{id}/cases}. */
        String apiBody() {
            return "{\"caseType\":" + json(type[1]) + ",\"subject\":" + json(subject) + "}";
        }

        /** An item of {@code POST /bench/bulk/cases}. */
        String bulkItem(String citizenId) {
            return "{\"citizenId\":" + json(citizenId) + ",\"caseType\":" + json(type[1]) + ",\"subject\":" + json(subject) + "}";
        }
    }

    /**
     * Items per bulk request: well under the server's body limit (256 KiB; a citizen is about 250
     * bytes), and small enough that what grows with the batch stays small (per data key, Spring walks
     * every synchronisation of the transaction; per aggregate, Axon looks through the ones created
     * before it: about 12 % of the request threads' CPU at 500 in a JFR profile).
     */
    static final int BULK_BATCH = 200;
    /** Bulk requests at once: each is a transaction holding a connection of the server's pool (20). */
    static final int BULK_CONCURRENCY = 4;

    /** Creates the population, citizens first, then the cases: over the API, or with {@code --bulk} in batches. */
    static DataSet generate(Options o, Http http, Tokens tokens, PrintStream out) throws InterruptedException {
        DataSet d = new DataSet(o.citizens());
        String[] staff = new String[100];
        for (String office : OFFICES) {
            staff[Integer.parseInt(office)] = tokens.staff("bench-gen-" + office, office);
        }
        if (o.bulk()) {
            d.generateInBulk(o, http, staff, out);
        } else {
            d.generateOverApi(o, http, staff, out);
        }
        return d;
    }

    private void generateOverApi(Options o, Http http, String[] staff, PrintStream out) throws InterruptedException {
        long seed = o.seed();
        Load.Result citizens = Load.runCount("generate citizens", o.generatorConcurrency(), o.citizens(), o.progressEvery(), out, i -> {
            CitizenRow row = CitizenRow.of(seed, i);
            HttpResponse<String> resp = http.post("/api/citizens", staff[33], row.apiBody());
            if (resp.statusCode() != 201) {
                throw new IllegalStateException("create citizen: " + resp.statusCode() + " " + resp.body());
            }
            created(i, row, Http.field(resp.body(), "citizenId"));
            return true;
        });
        out.println(citizens.line());
        check(citizens);
        Load.Result cases = Load.runCount("generate cases", o.generatorConcurrency(), o.cases(), o.progressEvery(), out, j -> {
            CaseRow row = CaseRow.of(seed, j, o.citizens());
            HttpResponse<String> resp = http.post("/api/citizens/" + citizenIds[row.citizenIndex()] + "/cases",
                    staff[Integer.parseInt(row.office())], row.apiBody());
            if (resp.statusCode() != 201) {
                throw new IllegalStateException("open case: " + resp.statusCode() + " " + resp.body());
            }
            casesCreated.incrementAndGet();
            return true;
        });
        out.println(cases.line());
        check(cases);
    }

    /**
     * The same rows in batches of {@link #BULK_BATCH} to the bench's bulk endpoints in the server
     * (BulkDataController: the real command handlers, one transaction per batch). A batch of
     * cases is split by office, since the token of each request is the actor of its cases. The
     * registrations (the first case of every citizen) are all stored before any other case, so
     * they come first in every file, as over the API.
     */
    private void generateInBulk(Options o, Http http, String[] staff, PrintStream out) throws InterruptedException {
        long seed = o.seed();
        int concurrency = Math.min(o.generatorConcurrency(), BULK_CONCURRENCY);
        Load.Result citizens = Load.runBatches("generate citizens", concurrency, o.citizens(), BULK_BATCH, o.progressEvery(), out,
                (from, to) -> {
                    List<CitizenRow> rows = new ArrayList<>();
                    for (int i = from; i < to; i++) {
                        rows.add(CitizenRow.of(seed, i));
                    }
                    List<String> ids = openInBulk(http, staff[33], rows);
                    for (int i = from; i < to; i++) {
                        created(i, rows.get(i - from), ids.get(i - from));
                    }
                    return true;
                });
        out.println(citizens.line());
        check(citizens);
        int registrations = Math.min(o.citizens(), o.cases());
        java.util.concurrent.CountDownLatch registrationBatches = new java.util.concurrent.CountDownLatch(
                (registrations + BULK_BATCH - 1) / BULK_BATCH);
        Load.Result cases = Load.runBatches("generate cases", concurrency, o.cases(), BULK_BATCH, o.progressEvery(), out,
                (from, to) -> {
                    // batches are handed out in ascending order: every registration batch is taken before this wait
                    if (from >= registrations && !registrationBatches.await(o.catchUp().toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the registrations were not stored within " + o.catchUp());
                    }
                    try {
                        Map<String, List<CaseRow>> byOffice = new TreeMap<>();
                        for (int j = from; j < to; j++) {
                            CaseRow row = CaseRow.of(seed, j, o.citizens());
                            byOffice.computeIfAbsent(row.office(), k -> new ArrayList<>()).add(row);
                        }
                        for (Map.Entry<String, List<CaseRow>> office : byOffice.entrySet()) {
                            openCasesInBulk(http, staff[Integer.parseInt(office.getKey())], office.getValue(), citizenIds);
                        }
                        casesCreated.addAndGet(to - from);
                        return true;
                    } finally {
                        if (from < registrations) {
                            registrationBatches.countDown();
                        }
                    }
                });
        out.println(cases.line());
        check(cases);
    }

    /** Opens the citizens' files in one bulk request; answers their ids in the rows' order. */
    static List<String> openInBulk(Http http, String staffToken, List<CitizenRow> rows) throws Exception {
        StringBuilder body = new StringBuilder("{\"citizens\":[");
        for (CitizenRow row : rows) {
            body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append(row.bulkItem());
        }
        return bulkIds(http.post("/bench/bulk/citizens", staffToken, body.append("]}").toString()), rows.size());
    }

    /**
     * Opens the cases (all of one office: the token's) in one bulk request, each for the citizen
     * {@code citizenIds[row.citizenIndex()]}; answers their ids in the rows' order.
     */
    static List<String> openCasesInBulk(Http http, String staffToken, List<CaseRow> rows, String[] citizenIds) throws Exception {
        StringBuilder body = new StringBuilder("{\"cases\":[");
        for (CaseRow row : rows) {
            body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append(row.bulkItem(citizenIds[row.citizenIndex()]));
        }
        return bulkIds(http.post("/bench/bulk/cases", staffToken, body.append("]}").toString()), rows.size());
    }

    private static List<String> bulkIds(HttpResponse<String> resp, int expected) {
        if (resp.statusCode() != 200) {
            throw new IllegalStateException(resp.request().uri().getPath() + ": " + resp.statusCode() + " " + resp.body());
        }
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([0-9a-f-]{36})\"").matcher(resp.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.size() != expected) {
            throw new IllegalStateException("bulk answered " + ids.size() + " ids for " + expected + " items: " + resp.body());
        }
        return ids;
    }

    private void created(int index, CitizenRow row, String citizenId) {
        citizenIds[index] = citizenId;
        familyNames[index] = row.familyName();
        givenNames[index] = row.givenNames();
        birthYears[index] = row.birthYear();
    }

    static final String FILE = "bench-dataset.tsv";

    /** Writes the database name and one line per citizen (id, family name, given names, birth year) for --reuse. */
    void save(java.nio.file.Path dataDir, String database) throws java.io.IOException {
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(dataDir.resolve(FILE))) {
            w.write(database + "\t" + casesCreated.get() + "\n");
            for (int i = 0; i < size(); i++) {
                w.write(citizenIds[i] + "\t" + familyNames[i] + "\t" + givenNames[i] + "\t" + birthYears[i] + "\n");
            }
        }
    }

    /** The database name of a saved data set. */
    static String database(java.nio.file.Path dataDir) throws java.io.IOException {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(dataDir.resolve(FILE))) {
            return r.readLine().split("\t")[0];
        }
    }

    static DataSet load(java.nio.file.Path dataDir) throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(dataDir.resolve(FILE));
        DataSet d = new DataSet(lines.size() - 1);
        d.casesCreated.set(Long.parseLong(lines.get(0).split("\t")[1]));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            d.citizenIds[i - 1] = f[0];
            d.familyNames[i - 1] = f[1];
            d.givenNames[i - 1] = f[2];
            d.birthYears[i - 1] = Integer.parseInt(f[3]);
        }
        return d;
    }

    private static void check(Load.Result r) {
        if (r.errors() > 0) {
            throw new IllegalStateException(r.name() + " failed: " + r.firstError());
        }
    }

}
