package de.eakte.api.measure;

import de.eakte.api.EakteApplication;
import de.eakte.api.support.PostgresDatabase;
import de.eakte.core.cases.AddEntry;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.OpenCase;
import de.eakte.core.cases.Visibility;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.OpenCitizenFile;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: a measurement of the JDBC storage engine through the real command path
 * (command bus, aggregate, event store, transaction), for docs/decisions/0001-storage-engine.md.
 * Run: see that document. Prints rates; asserts nothing.
 */
public final class StorageEngineMeasurement {

    private static final Actor CLERK = Actor.staff("measure", new OfficeCode("33"));
    private static final Address HOME = new Address("Hauptstraße", "1", new Postcode("04109"), "Leipzig");
    private static final MasterData PERSON = new MasterData("Müller", "Anna", null, LocalDate.of(1980, 1, 1), "Leipzig", null);

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length == 0 || !"h2".equals(args[0]);
        int creates = 3000;
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--eakte.data-dir=" + Files.createTempDirectory("eakte-measure")));
        if (postgres) {
            props.add("--spring.datasource.url=" + PostgresDatabase.url());
            props.add("--spring.datasource.username=" + PostgresDatabase.user());
            props.add("--eakte.security.local-issuer.enabled=true");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EakteApplication.class)
                .run(props.toArray(String[]::new))) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            createCitizens(commands, 500, 1); // warm-up
            report("sequential creates/s", creates, () -> createCitizens(commands, creates, 1));
            report("4 threads creates/s", creates, () -> createCitizens(commands, creates, 4));
            CitizenId citizen = CitizenId.random();
            commands.sendAndWait(new OpenCitizenFile(citizen, PERSON, HOME, CLERK));
            CaseId caseId = CaseId.random();
            commands.sendAndWait(new OpenCase(caseId, citizen, new CaseTypeCode("passport"), "Reisepass", null, null, CLERK));
            report("1000 events on one aggregate/s", 1000, () -> {
                for (int i = 0; i < 1000; i++) {
                    commands.sendAndWait(new AddEntry(caseId, EntryId.random(), EntryKind.NOTE, Visibility.INTERNAL,
                            "Notiz " + i, null, CLERK, null));
                }
            });
        }
    }

    private static void createCitizens(CommandGateway commands, int count, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < count / threads; i++) {
                        commands.sendAndWait(new OpenCitizenFile(CitizenId.random(), PERSON, HOME, CLERK));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static void report(String what, int count, Runnable run) {
        long start = System.nanoTime();
        run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MEASURED %-32s %,10.0f  (%d in %.2f s)%n", what, count / seconds, count, seconds);
    }
}
