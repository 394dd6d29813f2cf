package de.eakte.projections.search;

import de.eakte.core.shared.CitizenId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A generated city population with realistic German names and their collisions: the frequent
 * family names many times over (Müller, Schmidt, Meyer and their spellings Maier, Mayer, Meier,
 * Schmitt), the same name with different birth dates, double names, birth names, names with
 * letters beyond ASCII, and people who moved. The same seed gives the same population.
 */
final class Population {

    /** Family names, the frequent ones first and repeated so they collide as in a real city. */
    static final List<String> FAMILY = List.of(
            "Müller", "Müller", "Müller", "Schmidt", "Schmidt", "Schmitt", "Schneider", "Fischer", "Weber", "Meyer",
            "Meyer", "Maier", "Mayer", "Meier", "Wagner", "Becker", "Schulz", "Schulze", "Hoffmann", "Hofmann",
            "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Wolff", "Schröder", "Neumann", "Schwarz",
            "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Schmitz", "Krause", "Lehmann", "Köhler",
            "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller", "Weiß", "Jung",
            "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth",
            "Beck", "Lorenz", "Baumann", "Albrecht", "Böhm", "Krämer", "Jäger", "Groß", "Kühn", "Kuhn", "Strauß",
            "Yılmaz", "Öztürk", "Kowalski", "Nowak", "Şahin", "Dvořák", "Nguyen", "Popović", "Iwanow", "Lüdenscheidt");
    static final List<String> GIVEN_MALE = List.of("Jürgen", "Hans", "Peter", "Klaus", "Wolfgang", "Michael", "Thomas",
            "Andreas", "Stefan", "Uwe", "Frank", "Jörg", "Günter", "Dieter", "Horst", "Sven", "Lukas", "Jonas", "Leon",
            "Paul", "Björn", "René", "Mehmet", "Tomasz");
    static final List<String> GIVEN_FEMALE = List.of("Maria", "Ursula", "Monika", "Petra", "Sabine", "Renate", "Karin",
            "Brigitte", "Anna", "Lena", "Sophie", "Emma", "Hannah", "Marie", "Jördis", "Gülay", "Zoë", "Chantal",
            "Agnieszka", "Heike");
    static final List<String> STREETS = List.of("Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße",
            "Dorfstraße", "Bergstraße", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Goethestraße",
            "Schillerstraße", "Am Markt", "Karl-Liebknecht-Straße", "Eisenbahnstraße", "Mühlweg");
    static final List<String> CITIES = List.of("Leipzig", "Dresden", "Köln", "München", "Düsseldorf", "Münster",
            "Lübeck", "Görlitz", "Zwickau", "Chemnitz");

    /** One generated person, with the address they live at now and, if they moved, the one before. */
    record Person(CitizenId id, String family, String given, String birthName, LocalDate born, String street,
                  String houseNumber, String city, String formerStreet, String formerCity) {
        boolean moved() {
            return formerStreet != null;
        }
    }

    final List<Person> people;

    private Population(List<Person> people) {
        this.people = people;
    }

    /** The people from index {@code from} (inclusive) to {@code to} (exclusive), e.g. to index in batches. */
    Population slice(int from, int to) {
        return new Population(people.subList(from, to));
    }

    Population(long seed, int size) {
        people = new ArrayList<>(size);
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            boolean female = random.nextBoolean();
            String given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
            if (random.nextInt(10) == 0) {
                given = given + " " + pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
            }
            String family = pick(random, FAMILY);
            String birthName = null;
            if (female && random.nextInt(4) == 0) {
                birthName = pick(random, FAMILY);
            }
            if (random.nextInt(20) == 0) {
                String second = pick(random, FAMILY);
                if (!second.equals(family)) {
                    family = family + "-" + second;
                }
            }
            LocalDate born = LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String street = pick(random, STREETS);
            String city = pick(random, CITIES);
            String formerStreet = null;
            String formerCity = null;
            if (random.nextInt(10) == 0) {
                formerStreet = street;
                formerCity = city;
                street = pick(random, STREETS);
                city = pick(random, CITIES);
            }
            people.add(new Person(CitizenId.of(new UUID(seed, i).toString()), family, given, birthName, born, street,
                    String.valueOf(1 + random.nextInt(120)), city, formerStreet, formerCity));
        }
    }

    /** Adds one person as given (the "Jürgen Meyer, born 1961, Hauptstraße"). */
    Person add(String family, String given, LocalDate born, String street, String city) {
        Person p = new Person(CitizenId.of(new UUID(0, people.size() + 1_000_000L).toString()), family, given, null, born,
                street, "12", city, null, null);
        people.add(p);
        return p;
    }

    /** Indexes everyone as the projection would: the first address, then the move if there was one. */
    void index(SearchProjection projection) {
        for (Person p : people) {
            String street = p.moved() ? p.formerStreet() : p.street();
            String city = p.moved() ? p.formerCity() : p.city();
            projection.indexCitizen(p.id(), 0, new SearchProjection.Names(p.family(), p.given(), p.birthName(), p.born(),
                    null), new SearchProjection.Home(street, p.houseNumber(), "04109", city));
            if (p.moved()) {
                projection.reindexHome(p.id(), 1, new SearchProjection.Home(p.street(), p.houseNumber(), "04109", p.city()));
            }
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
