package de.eakte.bench;

import de.eakte.bench.load.Load;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A realistic population created through the server's own API (so every event, key and read
 * model is what production would hold): citizens with German names (the usual collisions:
 * Müller/Mueller, Meyer/Meier/Maier), addresses in one city, valid IdNr; cases spread over the
 * seeded offices and case types, every citizen with at least one Bürgeramt case.
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

    /** Creates the population through the API: citizens first, then the cases. */
    static DataSet generate(Options o, Http http, Tokens tokens, PrintStream out) throws InterruptedException {
        DataSet d = new DataSet(o.citizens());
        String[] staff = new String[100];
        for (String office : OFFICES) {
            staff[Integer.parseInt(office)] = tokens.staff("bench-gen-" + office, office);
        }
        long seed = o.seed();
        Load.Result citizens = Load.runCount("generate citizens", o.generatorConcurrency(), o.citizens(), o.progressEvery(), out, i -> {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
            String family = FAMILY[r.nextInt(FAMILY.length)];
            String given = GIVEN[r.nextInt(GIVEN.length)];
            int year = 1930 + r.nextInt(78);
            String body = String.format(Locale.ROOT, "{\"familyName\":%s,\"givenNames\":%s,\"dateOfBirth\":\"%d-%02d-%02d\","
                            + "\"placeOfBirth\":%s,\"idNr\":\"%s\",\"address\":{\"street\":%s,\"houseNumber\":\"%d%s\","
                            + "\"postcode\":\"04%03d\",\"city\":\"Leipzig\"}}",
                    json(family), json(given), year, 1 + r.nextInt(12), 1 + r.nextInt(28), json(PLACES[r.nextInt(PLACES.length)]),
                    idNr(i), json(STREETS[r.nextInt(STREETS.length)]), 1 + r.nextInt(180), r.nextInt(8) == 0 ? "a" : "",
                    r.nextInt(400));
            HttpResponse<String> resp = http.post("/api/citizens", staff[33], body);
            if (resp.statusCode() != 201) {
                throw new IllegalStateException("create citizen: " + resp.statusCode() + " " + resp.body());
            }
            d.citizenIds[i] = Http.field(resp.body(), "citizenId");
            d.familyNames[i] = family;
            d.givenNames[i] = given;
            d.birthYears[i] = year;
            return true;
        });
        out.println(citizens.line());
        check(citizens);
        Load.Result cases = Load.runCount("generate cases", o.generatorConcurrency(), o.cases(), o.progressEvery(), out, j -> {
            SplittableRandom r = new SplittableRandom(seed * 7_000_003L + j);
            // the first case of every citizen is the Bürgeramt's registration: every file has one
            String[] type = j < o.citizens() ? CASE_TYPES[0] : caseType(r);
            String citizen = d.citizenIds[j % o.citizens()];
            HttpResponse<String> resp = http.post("/api/citizens/" + citizen + "/cases", staff[Integer.parseInt(type[0])],
                    openCaseBody(type, j));
            if (resp.statusCode() != 201) {
                throw new IllegalStateException("open case: " + resp.statusCode() + " " + resp.body());
            }
            d.casesCreated.incrementAndGet();
            return true;
        });
        out.println(cases.line());
        check(cases);
        return d;
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
