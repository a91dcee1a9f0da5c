package com.revolutiontradingpros.api.users.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.auth.ImportedAccount;

/**
 * Demo data for the admin UI and benchmarks: {@code --seed-demo} (or SEED_DEMO=true) creates realistic members,
 * authors and editors with profiles, tags and staff notes, all signing in with {@link #PASSWORD}. Running it again
 * adds nothing.
 */
// Runs before other modules' demo data, which picks its authors among these users.
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@Component
class DemoUsers implements ApplicationRunner {

    static final String DOMAIN = "demo.revolution-trading-pros.example";
    static final String PASSWORD = "demo-trader-password";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private static final String[] FIRST = {"Ava", "Liam", "Mia", "Noah", "Emma", "Oliver", "Sofia", "Lucas", "Isabella", "Ethan", "Chloe",
        "Mason", "Aria", "Logan", "Zoe", "James", "Lily", "Benjamin", "Nora", "Elijah", "Grace", "Henry", "Ruby", "Daniel"};
    private static final String[] LAST = {"Nguyen", "Patel", "Garcia", "Smith", "Kim", "Johnson", "Müller", "Rossi", "Okafor", "Silva",
        "Cohen", "Tanaka", "Brown", "Dubois", "Kowalski", "Andersen", "Haddad", "Murphy", "Lopez", "Chen"};
    private static final String[] TAGS = {"day-trader", "swing-trader", "options", "futures", "forex", "crypto", "vip", "early-bird",
        "webinar-2026", "mentorship", "beginner-course", "churn-risk"};
    private static final String[] ZONES = {"America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Asia/Singapore"};
    private static final String[] EXPERIENCE = {"beginner", "intermediate", "advanced", "professional"};
    private static final String[] NOTES = {"Asked about the options room schedule.", "Prefers email over SMS alerts.",
        "Renewed after the webinar.", "Requested an invoice with company details.", "Interested in the futures mentorship."};

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment environment;

    DemoUsers(Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions, Environment environment) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("seed-demo") || environment.getProperty("SEED_DEMO", Boolean.class, false)) {
            int count = seed(Integer.parseInt(environment.getProperty("SEED_DEMO_USERS", "250")));
            log.info("demo data: {} users added (password \"{}\")", count, PASSWORD);
        }
    }

    /** Adds {@code count} demo users unless they are there already; returns how many were added. */
    int seed(int count) {
        var random = new Random(20261125);
        String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(10));
        var rows = new ArrayList<ImportedAccount>();
        for (int i = 0; i < count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = (first + "." + last + "." + i).toLowerCase(Locale.ROOT).replace("ü", "u") + "@" + DOMAIN;
            int kind = random.nextInt(100);
            List<String> roles = kind < 3 ? List.of("member", "editor") : kind < 8 ? List.of("member", "author") : List.of("member");
            rows.add(new ImportedAccount(email, first + " " + last, roles, hash));
        }
        return transactions.execute(status -> {
            var outcomes = accounts.importAccounts(rows);
            var ids = accounts.idsByEmail(outcomes.keySet());
            int added = (int) outcomes.values().stream().filter(o -> o == ImportedAccount.Outcome.CREATED).count();
            if (added == 0) {
                return 0;
            }
            for (var entry : ids.entrySet()) {
                long id = entry.getValue();
                jdbc.sql("""
                        INSERT INTO user_profiles (user_id, timezone, country, trading_experience, marketing_opt_in)
                        VALUES (:id, :zone, :country, :experience, :optIn) ON CONFLICT (user_id) DO NOTHING""")
                        .param("id", id).param("zone", ZONES[random.nextInt(ZONES.length)])
                        .param("country", random.nextBoolean() ? "US" : "GB").param("experience", EXPERIENCE[random.nextInt(EXPERIENCE.length)])
                        .param("optIn", random.nextInt(3) > 0).update();
                for (int t = random.nextInt(4); t > 0; t--) {
                    jdbc.sql("INSERT INTO user_tags (user_id, tag) VALUES (:id, :tag) ON CONFLICT DO NOTHING")
                            .param("id", id).param("tag", TAGS[random.nextInt(TAGS.length)]).update();
                }
                if (random.nextInt(5) == 0) {
                    jdbc.sql("INSERT INTO user_notes (user_id, author_id, body, pinned) VALUES (:id, 0, :body, :pinned)")
                            .param("id", id).param("body", NOTES[random.nextInt(NOTES.length)]).param("pinned", random.nextInt(4) == 0).update();
                }
            }
            return added;
        });
    }
}
