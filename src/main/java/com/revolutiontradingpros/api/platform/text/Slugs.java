package com.revolutiontradingpros.api.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by single dashes ({@code Options Trading: 5 Rules -> options-trading-5-rules}). */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_LENGTH = 200;
    /** Generated slugs stay readable: longer titles are cut at a dash before this many characters. */
    public static final int GENERATED_LENGTH = 80;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** The id a path segment names when it is all digits ({@code /posts/{idOrSlug}}); a slug can be all digits too, so callers fall back to it. */
    public static Optional<Long> asId(String idOrSlug) {
        if (idOrSlug.isEmpty() || idOrSlug.length() > 18 || !idOrSlug.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(idOrSlug));
    }

    /** The slug of a title, ASCII-folded and cut on a dash; empty when the title holds no letter or digit. */
    public static String of(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title.replace("ß", "ss").replace("&", " and "), Normalizer.Form.NFKD))
                .replaceAll("");
        String slug = NOT_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > GENERATED_LENGTH) {
            int cut = slug.lastIndexOf('-', GENERATED_LENGTH);
            slug = trimDashes(slug.substring(0, cut > 0 ? cut : GENERATED_LENGTH));
        }
        return slug;
    }

    /** {@code base}, then {@code base-2}, {@code base-3}, … as the attempt number grows (1 gives the base). */
    private static String numbered(String base, int attempt) {
        if (attempt <= 1) {
            return base;
        }
        String suffix = "-" + attempt;
        return (base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base) + suffix;
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}, … that is not {@code unavailable} (taken or reserved). */
    public static String firstFree(String base, Predicate<String> unavailable) {
        for (int attempt = 1; ; attempt++) {
            String candidate = numbered(base, attempt);
            if (!unavailable.test(candidate)) {
                return candidate;
            }
        }
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
