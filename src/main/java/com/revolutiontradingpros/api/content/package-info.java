/**
 * The publishing side: posts and pages with categories, tags, authors, revisions, scheduling and preview
 * links, and the site search over every module's public documents. Other modules react to its events
 * (PostPublished, PostSlugChanged, …) and feed the search through the platform's search document events.
 */
@ApplicationModule(displayName = "Content")
@NullMarked
package com.revolutiontradingpros.api.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
