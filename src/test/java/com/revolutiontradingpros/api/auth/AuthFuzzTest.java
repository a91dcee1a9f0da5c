package com.revolutiontradingpros.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.Http;

/** Every auth endpoint, fed malformed bodies as a member and as an admin: never a 500, always a problem. */
class AuthFuzzTest extends AuthTestSupport {

    private static final String MEGABYTE = "x".repeat(1_048_576);
    private static final List<String> BODIES = List.of(
            "", "null", "[]", "[{}]", "\"string\"", "42", "true", "{", "{\"email\":", "{}",
            "{\"email\":null,\"password\":null,\"name\":null,\"token\":null,\"code\":null,\"refresh_token\":null}",
            "{\"email\":123,\"password\":[],\"name\":{},\"token\":false,\"code\":1.5,\"abilities\":\"posts:read\"}",
            "{\"email\":[\"a@b.c\"],\"password\":{\"x\":1},\"mfa_token\":[],\"device_name\":[],\"current_password\":7}",
            "{\"email\":\"' OR '1'='1' --@example.com\",\"password\":\"'; DROP TABLE users; --\",\"name\":\"Robert'); --\"}",
            "{\"email\":\"<script>alert(1)</script>@x.io\",\"name\":\"<img src=x onerror=alert(1)>\",\"token\":\"<svg/onload=1>\"}",
            "{\"email\":\"ünïcödé@exämple.com\",\"password\":\"пароль-пароль-пароль\",\"name\":\"名前 😀\",\"code\":\"١٢٣٤٥٦\"}",
            "{\"email\":\"a@b.c\",\"password\":\"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\"}",
            "{\"token\":\"" + "A".repeat(5000) + "\",\"refresh_token\":\"" + "B".repeat(5000) + "\",\"mfa_token\":\"C\"}",
            "{\"name\":\"" + MEGABYTE + "\"}",
            "{\"expires_at\":\"yesterday\",\"abilities\":[null,1,{}],\"name\":\"n\"}",
            "{\"newsletter_opt_in\":\"yes\",\"email\":\"x@y.z\",\"password\":\"long enough password\",\"name\":\"n\"}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noBodyOnAnyAuthEndpointCausesA500() {
        Http member = client().withToken(bearer(register(client(), newEmail())));
        Http admin = as(Role.SUPER_ADMIN).fromNewIp();
        List<String> failures = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/auth") || pattern.contains("logout")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    for (String path : concretePaths(pattern)) {
                        for (String body : BODIES) {
                            for (Http caller : List.of(member, admin, client())) {
                                var response = caller.send(method.name(), path, "application/json", body);
                                if (response.status() >= 500 || (response.status() >= 400
                                        && !String.valueOf(response.header("Content-Type")).startsWith("application/problem+json"))) {
                                    failures.add(method + " " + path + " " + body.substring(0, Math.min(60, body.length())) + " -> "
                                            + response.status() + " " + response.body().substring(0, Math.min(200, response.body().length())));
                                }
                            }
                        }
                    }
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    private static List<String> concretePaths(String pattern) {
        if (!pattern.contains("{")) {
            return List.of(pattern);
        }
        return List.of(pattern.replaceAll("\\{[^}]+}", "1"), pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"),
                pattern.replaceAll("\\{[^}]+}", "%27%20OR%201%3D1"));
    }
}
