package com.revolutiontradingpros.api.content;

import java.util.List;

/** Tags were merged into one: the SEO module redirects the sources' URLs to the target's. */
public record TagsMerged(List<String> sourceSlugs, String targetSlug) {
}
