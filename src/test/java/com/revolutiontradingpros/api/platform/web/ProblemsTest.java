package com.revolutiontradingpros.api.platform.web;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;

/** Every failure is an RFC 9457 problem with a stable code, and nothing internal leaks. */
class ProblemsTest extends ApiTest {

    @Test
    void unknownRouteIs404Problem() {
        var response = http.get("/no/such/route");
        assertProblem(response, 404, "not_found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var response = http.delete("/time");
        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void wrongContentTypeIs415() {
        var response = http.send("POST", "/_probe/widgets", "text/plain", "name=x");
        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void malformedJsonIs400() {
        var response = http.post("/_probe/widgets", "{\"name\": ");
        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void jsonOfTheWrongShapeIs422OnTheBody() {
        var response = http.post("/_probe/widgets", "[{\"name\":\"x\"}]");
        assertProblem(response, 422, "validation_failed");
        assertThat(response.json().get("errors").get("body").get(0).asString()).isEqualTo("must be an object");
    }

    @Test
    void unknownFieldIs422WithTheField() {
        var response = http.post("/_probe/widgets", "{\"name\":\"a\",\"quantity\":1,\"colour\":\"red\"}");
        assertProblem(response, 422, "validation_failed");
        assertThat(response.json().get("errors").has("colour")).isTrue();
    }

    @Test
    void validationIs422WithEveryFieldInSnakeCase() {
        var response = http.post("/_probe/widgets", "{\"name\":\"\",\"quantity\":0,\"owner_email\":\"nope\"}");
        assertProblem(response, 422, "validation_failed");
        var errors = response.json().get("errors");
        assertThat(errors.has("name")).isTrue();
        assertThat(errors.has("quantity")).isTrue();
        assertThat(errors.has("owner_email")).isTrue();
        assertThat(response.json().get("detail").asString()).isEqualTo("3 fields are invalid");
    }

    @Test
    void wrongTypeIs422ForThatField() {
        var response = http.post("/_probe/widgets", "{\"name\":\"a\",\"quantity\":\"many\"}");
        assertProblem(response, 422, "validation_failed");
        assertThat(response.json().get("errors").has("quantity")).isTrue();
    }

    @Test
    void arrayInsteadOfObjectIsNever500() {
        var response = http.post("/_probe/widgets", "[1,2,3]");
        assertThat(response.status()).isIn(400, 422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"quantity\":1}";
        var response = http.post("/_probe/widgets", big);
        assertProblem(response, 413, "payload_too_large");
    }

    @Test
    void badPathVariableIs404() {
        assertProblem(http.get("/_probe/widgets/not-a-number"), 404, "not_found");
        assertProblem(http.get("/_probe/widgets/99999999"), 404, "not_found");
    }

    @Test
    void missingTokenIs401AndLowRoleIs403() {
        assertProblem(http.get("/_probe/admin"), 401, "unauthenticated");
        assertProblem(http.withToken("not.a.jwt").get("/_probe/admin"), 401, "invalid_token");
        assertProblem(as().get("/_probe/admin"), 403, "forbidden");
        var admin = as(Role.ADMIN).get("/_probe/admin");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void routesWithoutDeclarationNeedASignedInUser() {
        assertProblem(http.get("/_probe/me"), 401, "unauthenticated");
        var me = as(Role.EDITOR).get("/_probe/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").toString()).contains("editor", "member");
    }

    @Test
    void databaseConflictIs409WithoutSql() {
        var response = http.get("/_probe/conflict");
        assertProblem(response, 409, "conflict");
        assertThat(response.body()).doesNotContain("users_email_key").doesNotContain("duplicate key");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        var response = http.get("/_probe/crash");
        assertProblem(response, 500, "internal_error");
        assertThat(response.body()).doesNotContain("SELECT").doesNotContain("com.example").doesNotContain("IllegalState");
    }

    @Test
    void dependencyDownIs503() {
        assertProblem(http.get("/_probe/unavailable"), 503, "service_unavailable");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        var echoed = http.get("/time", "X-Request-Id", "abc-123_DEF");
        assertThat(echoed.header("X-Request-Id")).isEqualTo("abc-123_DEF");
        var generated = http.get("/no/such/route");
        assertThat(generated.header("X-Request-Id")).isNotBlank();
        assertThat(generated.json().get("request_id").asString()).isEqualTo(generated.header("X-Request-Id"));
        var hostile = http.get("/time", "X-Request-Id", "<script>alert(1)</script>");
        assertThat(hostile.header("X-Request-Id")).doesNotContain("<");
    }

    @Test
    void securityHeadersAreSent() {
        var response = http.get("/time");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        var allowed = http.send("OPTIONS", "/time", null, (byte[]) null, "Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "GET");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        var refused = http.send("OPTIONS", "/time", null, (byte[]) null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.status()).isEqualTo(403);
    }
}
