package de.eakte.api.support;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error answer must look like: an RFC 9457 problem, not cached, without internals. */
public final class ProblemAssertions {

    public static final String TYPE_PREFIX = "urn:eakte:problem:";

    private ProblemAssertions() {
    }

    /** Asserts the status, the problem form and the type {@code urn:eakte:problem:<code>}; returns the body. */
    public static JsonNode assertProblem(Http.Response response, int status, String code) {
        String context = response.status() + " " + response.headers() + " " + response.body();
        assertThat(response.status()).as(context).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(context).startsWith("application/problem+json");
        assertThat(response.header("Cache-Control")).as(context).contains("no-store");
        assertThat(response.body()).as(context).doesNotContain("Exception").doesNotContain("at de.eakte")
                .doesNotContain("at org.").doesNotContain("at java.");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(status);
        assertThat(problem.path("title").isString()).as(context).isTrue();
        if (code != null) {
            assertThat(problem.path("type").asString()).as(context).isEqualTo(TYPE_PREFIX + code);
        } else {
            assertThat(problem.path("type").asString()).as(context).startsWith(TYPE_PREFIX);
        }
        return problem;
    }

    /** A 400 validation problem naming the field (if given) and the rule (if given). */
    public static JsonNode assertInvalid(Http.Response response, String field, String rule) {
        JsonNode problem = assertProblem(response, 400, "validation");
        String context = response.body();
        if (field != null) {
            assertThat(problem.path("field").asString()).as(context).isEqualTo(field);
        }
        if (rule != null) {
            assertThat(problem.path("rule").asString()).as(context).isEqualTo(rule);
        }
        return problem;
    }

    /** A refusal by a domain rule: the type and the {@code rule} property are the rule's code. */
    public static JsonNode assertRefused(Http.Response response, int status, String rule) {
        JsonNode problem = assertProblem(response, status, rule);
        assertThat(problem.path("rule").asString()).as(response.body()).isEqualTo(rule);
        return problem;
    }
}
