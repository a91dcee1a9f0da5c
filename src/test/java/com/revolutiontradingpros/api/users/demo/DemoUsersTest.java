package com.revolutiontradingpros.api.users.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;

class DemoUsersTest extends ApiTest {

    @Autowired
    DemoUsers demo;

    @Test
    void seedsRealisticUsersOnceAndTheyCanSignIn() {
        int added = demo.seed(40);
        assertThat(demo.seed(40)).isZero();
        var listed = as(Role.ADMIN).get("/users?q=" + DemoUsers.DOMAIN + "&per_page=100").json();
        assertThat(listed.get("meta").get("total").asInt()).isEqualTo(added).isPositive();
        String email = listed.get("data").get(0).get("email").asString();
        var login = http.fromNewIp().post("/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, DemoUsers.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(as(Role.ADMIN).get("/users/stats").json().get("by_role").get("member").asInt()).isGreaterThanOrEqualTo(added);
    }
}
