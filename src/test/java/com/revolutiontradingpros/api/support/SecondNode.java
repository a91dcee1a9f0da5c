package com.revolutiontradingpros.api.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.revolutiontradingpros.api.Application;

/** Another copy of the application on the same PostgreSQL database and Redis prefix, as a second node. */
public final class SecondNode {

    private SecondNode() {
    }

    public static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(Application.class).run(all);
    }
}
