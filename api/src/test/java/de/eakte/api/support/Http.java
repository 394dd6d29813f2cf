package de.eakte.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real HTTP client for the tests: requests go over the wire to the started server. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request post(String path, String body) {
        return new Request("POST", path, body);
    }

    public Request post(String path, Object body) {
        return new Request("POST", path, JSON.writeValueAsString(body));
    }

    public Request request(String method, String path, String body) {
        return new Request(method, path, body);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final String body;
        private final java.util.List<String[]> headers = new java.util.ArrayList<>();

        private Request(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
            if (body != null) {
                headers.add(new String[] {"Content-Type", "application/json"});
            }
        }

        public Request token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** States a purpose of the caller's office catalogue with a valid reason (purpose-bound access). */
        public Request purpose(String code) {
            return header("Access-Purpose", code).header("Access-Reason", "Pruefung im Test");
        }

        /** Sets a header, replacing one of the same name. */
        public Request header(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            return this;
        }

        /** Adds a header line; calling it twice with one name sends the header twice. */
        public Request addHeader(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(h -> builder.header(h[0], h[1]));
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> received = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> received.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
                return new Response(response.statusCode(), received, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
