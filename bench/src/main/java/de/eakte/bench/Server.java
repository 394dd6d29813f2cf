package de.eakte.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real server jar as a child process on PostgreSQL: a free port, the bench's data directory
 * and the local issuer explicitly enabled. It is started through Spring Boot's PropertiesLauncher
 * so that the bench's server extension (ceiling endpoint; in scenario c the no-op recorder) is
 * on its class path; the jar itself is unchanged.
 */
final class Server implements AutoCloseable {

    final int port;
    final Path log;
    final Path jfrFile;
    private final Process process;

    private Server(int port, Path log, Path jfrFile, Process process) {
        this.port = port;
        this.log = log;
        this.jfrFile = jfrFile;
        this.process = process;
    }

    static Server start(Options o, Database db, Path dataDir, String label, String... extraArgs)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(o.serverJar())) {
            throw new IllegalStateException("server jar not found: " + o.serverJar() + " (mvn -B package -DskipTests, or --server-jar)");
        }
        if (!Files.isRegularFile(o.serverExt())) {
            throw new IllegalStateException("bench server extension not found: " + o.serverExt() + " (--server-ext)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // one log per start, so a run on a reused data directory keeps the logs of the runs before it
        String name = "server-" + label + "-" + java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-');
        Path log = dataDir.resolve(name + ".log");
        Path jfr = o.jfr() ? dataDir.resolve(name + ".jfr").toAbsolutePath() : null;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + o.serverHeap());
        if (jfr != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        cmd.add("-Dloader.path=" + o.serverExt().toAbsolutePath());
        cmd.add("-cp");
        cmd.add(o.serverJar().toAbsolutePath().toString());
        cmd.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        cmd.add("--server.port=" + port);
        cmd.add("--eakte.data-dir=" + dataDir.toAbsolutePath());
        cmd.add("--spring.datasource.url=" + db.url());
        cmd.add("--spring.datasource.username=" + db.user);
        cmd.add("--spring.datasource.password=" + db.password);
        cmd.add("--eakte.security.local-issuer.enabled=true");
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a bench stopped by Ctrl-C or SIGTERM must not leave its server running (SIGTERM: a graceful stop)
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "bench-server-stop"));
        Server server = new Server(port, log, jfr, p);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("server not healthy within " + timeout + "; log:\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Lines of the server log that report an error or a stack trace. */
    long errorLines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(" ERROR ")).count() : 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: graceful shutdown, JFR dumps on exit
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
