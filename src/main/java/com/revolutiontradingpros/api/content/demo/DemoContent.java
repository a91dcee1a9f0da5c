package com.revolutiontradingpros.api.content.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import org.springframework.boot.ApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.content.media.MediaLibrary;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;

/**
 * What the content features' demo seeders share: whether demo data was asked for ({@code --seed-demo} or
 * SEED_DEMO=true), who writes it (the demo users' editors and authors, made first by the users module), and
 * generated chart images for featured images and posters.
 */
@Component
public class DemoContent {

    private final Accounts accounts;
    private final MediaLibrary media;
    private final Environment environment;

    DemoContent(Accounts accounts, MediaLibrary media, Environment environment) {
        this.accounts = accounts;
        this.media = media;
        this.environment = environment;
    }

    public boolean requested(ApplicationArguments args) {
        return args.containsOption("seed-demo") || environment.getProperty("SEED_DEMO", Boolean.class, false);
    }

    /** How many demo items of a kind to make: SEED_DEMO_POSTS and the like, else the default. */
    public int count(String setting, int fallback) {
        return environment.getProperty(setting, Integer.class, fallback);
    }

    /** The people who write: accounts holding the editor or author role (demo users first, then anyone). */
    public List<Long> writers() {
        var ids = new ArrayList<Long>();
        for (String role : List.of("editor", "author")) {
            accounts.search(new PageQuery(1, 100, List.of(), Map.of("role", role), null), null, null, null).stream()
                    .map(AccountView::id).filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return ids;
    }

    /** An editor to act as, or the first admin when no editor exists. */
    public Optional<CurrentUser> editor() {
        for (String role : List.of("editor", "admin", "super_admin")) {
            var found = accounts.search(new PageQuery(1, 1, List.of(), Map.of("role", role), null), null, null, null);
            if (!found.isEmpty()) {
                return Optional.of(new CurrentUser(found.getFirst().id(), null, Set.of(Role.EDITOR), null));
            }
        }
        return Optional.empty();
    }

    /** {@code count} public library images: line charts in the site's colours, each a little different. */
    public List<Long> chartImages(int count, CurrentUser caller, Random random) {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            ids.add(media.storeImage(chart(random, i), "demo-chart-" + (i + 1) + ".png", "Price chart " + (i + 1), caller.id()));
        }
        return ids;
    }

    private static byte[] chart(Random random, int index) {
        int width = 1200;
        int height = 675;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(12, 20, 38));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 52, 78));
        for (int x = 0; x < width; x += 100) {
            g.drawLine(x, 0, x, height);
        }
        for (int y = 0; y < height; y += 75) {
            g.drawLine(0, y, width, y);
        }
        g.setStroke(new BasicStroke(4f));
        g.setColor(index % 2 == 0 ? new Color(34, 197, 94) : new Color(56, 189, 248));
        double price = height / 2.0;
        int previousX = 0;
        int previousY = (int) price;
        for (int x = 10; x <= width; x += 10) {
            price = Math.max(60, Math.min(height - 60, price + random.nextGaussian() * 12 - (index % 3 - 1) * 0.8));
            g.drawLine(previousX, previousY, x, (int) price);
            previousX = x;
            previousY = (int) price;
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("Revolution Trading Pros", 40, 70);
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
